using CoachBot.Coaching.CheckIns;

namespace CoachBot.Coaching.Screening;

/// <summary>The answers to the pre-exercise screening at onboarding (clinical rules 9.1). Unknown answers are the cautious reading.</summary>
public sealed record ScreeningAnswers
{
    /// <summary>Age in years; null when not given.</summary>
    public int? Age { get; init; }

    /// <summary>Weeks since back surgery, when there was surgery in the last 3 months; else null.</summary>
    public int? SurgeryWeeksAgo { get; init; }

    /// <summary>An injection in the spine in the last 3 months.</summary>
    public bool SpinalInjection { get; init; }

    /// <summary>Pregnant now, or gave birth in the last 6 months.</summary>
    public bool PregnantOrRecentBirth { get; init; }

    /// <summary>Osteoporosis, or steroid tablets for 3 months or more.</summary>
    public bool OsteoporosisOrSteroids { get; init; }

    /// <summary>A doctor said there is a fracture, tumour or infection in the spine.</summary>
    public bool KnownSpinalCondition { get; init; }

    /// <summary>Any "yes" (or "not sure") to the PAR-Q+ general questions (heart, chest pain, fainting, other conditions).</summary>
    public bool GeneralHealthConcern { get; init; }

    /// <summary>Ever had cancer.</summary>
    public bool PastCancer { get; init; }

    /// <summary>This back pain is new (under 6 weeks) or different from usual; null when not asked.</summary>
    public bool? NewOrDifferentPain { get; init; }

    /// <summary>Red flags reported on the screen today (section 2); <see cref="RedFlag.CancerHistory"/> is read from <see cref="PastCancer"/>.</summary>
    public IReadOnlySet<RedFlag> RedFlags { get; init; } = new HashSet<RedFlag>();
}
