using CoachBot.Coaching.Policy;

namespace CoachBot.Coaching.Safety;

/// <summary>
/// Screens one message for red flags and crisis language (clinical rules 2 and 3.2) by clinical concepts in
/// combination, the way clinical NLP does it (target rules and ConText):
/// <list type="number">
/// <item>the text is read into tokens and clauses; a run-together word the lexicon does not know is split into two
/// words it does (cantfeel → can not feel);</item>
/// <item>every concept term is found (typos, plurals and prefixes allowed); a mention whose last word is inside a
/// known idiom ("this pain is killing me", "I fell asleep") is dropped;</item>
/// <item>modifier triggers (negated, someone else, hypothetical, long past) mark the mentions in their scope;</item>
/// <item>each rule fires when its concepts occur together within its window, counting only mentions that carry no
/// modifier the rule lists. Self-harm rules list none: "I'm not suicidal" still goes to a human;</item>
/// <item>when nothing urgent fired, a symptom named without enough for a rule gives the targeted questions.</item>
/// </list>
/// Meant to run on every message, before anything else reads it.
/// </summary>
public static class SafetyScreen
{
    private const int ShortestSplitWord = 5;

    /// <summary>Screens one message; null or blank text finds nothing.</summary>
    public static SafetyFindings Screen(SafetyLexicon lexicon, string? text)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var words = LexiconWords.Of(lexicon);
        var read = SplitRunTogether(TextNormalizer.Read(text, lexicon.Rewrites), lexicon, words);
        if (read.Count == 0)
        {
            return SafetyFindings.Empty;
        }

        var tokens = read.ConvertAll(t => t.Token);
        var clauses = read.ConvertAll(t => t.Clause);
        var matches = new TokenMatches(tokens, lexicon.NoFuzzy, words);
        var mentions = FindMentions(lexicon, matches);
        MarkModifiers(lexicon, matches, clauses, mentions);

        var findings = new List<SafetyFinding>();
        foreach (var rule in lexicon.Rules)
        {
            if (!findings.Exists(f => f.RuleId == rule.Id && f.Flag == rule.Flag) && Evaluate(rule, mentions) is { } used)
            {
                findings.Add(Finding(rule, used.ConvertAll(m => new ConceptMatch(m.Concept, m.Term.Text))));
            }
        }

        var ordered = findings.OrderByDescending(f => f.Level).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList();
        var level = ordered.Count == 0 ? Escalation.None : ordered[0].Level;
        var questions = level >= Escalation.Urgent
            ? []
            : lexicon.Questions.Where(q => !findings.Exists(f => f.Flag == q.When.Flag) && Evaluate(q.When, mentions) is not null).ToList();
        return ordered.Count == 0 && questions.Count == 0 ? SafetyFindings.Empty : new SafetyFindings { Findings = ordered, Questions = questions };
    }

    /// <summary>The finding a yes (or not sure) to a targeted question means.</summary>
    public static SafetyFindings Confirm(SafetyQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return new SafetyFindings { Findings = [Finding(question.When, [new ConceptMatch("answer", $"yes or not sure to the {question.Name} question")])] };
    }

    private static SafetyFinding Finding(ConceptRule rule, IReadOnlyList<ConceptMatch> concepts) => new()
    {
        RuleId = rule.Id,
        Name = rule.Name,
        Level = ClinicalRuleSet.EscalationOf(rule.Id),
        Flag = rule.Flag,
        Crisis = rule.Crisis,
        Concepts = concepts,
    };

    /// <summary>A word the lexicon does not know, split into two words it does ("killmyself", "cantfeel").</summary>
    private static List<(string Token, int Clause)> SplitRunTogether(List<(string Token, int Clause)> read, SafetyLexicon lexicon, LexiconWords words)
    {
        var result = new List<(string, int)>(read.Count);
        foreach (var (token, clause) in read)
        {
            var split = token.Length >= ShortestSplitWord && !words.Knows(token, lexicon.NoFuzzy) && !lexicon.JoinWords.Contains(token)
                ? Split(token, lexicon, words)
                : null;
            if (split is null)
            {
                result.Add((token, clause));
                continue;
            }

            foreach (var part in split)
            {
                var rewritten = lexicon.Rewrites.TryGetValue(part, out var replacement) ? replacement : [part];
                result.AddRange(rewritten.Select(r => (r, clause)));
            }
        }

        return result;
    }

    private static string[]? Split(string token, SafetyLexicon lexicon, LexiconWords words)
    {
        bool Known(string part) => lexicon.JoinWords.Contains(part) || lexicon.Rewrites.ContainsKey(part) || words.Contains(part);
        bool Content(string part) => part.Length >= 3 && !lexicon.JoinWords.Contains(part);
        for (var at = 1; at < token.Length - 1; at++)
        {
            var (left, right) = (token[..at], token[at..]);
            if (Known(left) && Known(right) && (Content(left) || Content(right)))
            {
                return [left, right];
            }
        }

        return null;
    }

    private static List<Mention> FindMentions(SafetyLexicon lexicon, TokenMatches matches)
    {
        var idioms = lexicon.NotTriggers.SelectMany(p => PhraseMatcher.Find(matches, p.Tokens)).ToList();
        var mentions = new List<Mention>();
        foreach (var concept in lexicon.Concepts.Values)
        {
            foreach (var term in concept.Terms)
            {
                foreach (var (start, end) in PhraseMatcher.Find(matches, term.Tokens))
                {
                    if (!idioms.Exists(i => i.Start <= end - 1 && end - 1 < i.End))
                    {
                        mentions.Add(new Mention(concept.Name, start, end, term));
                    }
                }
            }
        }

        return mentions;
    }

    /// <summary>
    /// ConText: each trigger marks the mentions in its scope, forward or backward, up to the lexicon's scope in words,
    /// within its clause and not past a terminator (for someone else, not past the patient's own I, my, me). A trigger
    /// whose first word is part of a concept mention ("no" in "no feeling", "gone" in "gone numb") or of a
    /// pseudo-trigger ("no idea") does not count.
    /// </summary>
    private static void MarkModifiers(SafetyLexicon lexicon, TokenMatches matches, List<int> clauses, List<Mention> mentions)
    {
        var count = clauses.Count;
        var terminator = new bool[count];
        foreach (var (start, _) in lexicon.Terminators.SelectMany(t => PhraseMatcher.Find(matches, t.Tokens)))
        {
            terminator[start] = true;
        }

        var found = lexicon.Triggers.SelectMany(t => PhraseMatcher.Find(matches, t.Phrase.Tokens).Select(span => (Trigger: t, span.Start, span.End))).ToList();
        var pseudo = found.Where(f => f.Trigger.Modifier is null).ToList();
        var modifiers = new HashSet<ConceptModifier>?[count];
        foreach (var (trigger, start, end) in found)
        {
            if (trigger.Modifier is not { } modifier
                || mentions.Exists(m => Inside(start, m.Start, m.End))
                || pseudo.Exists(p => Inside(start, p.Start, p.End)))
            {
                continue;
            }

            var step = trigger.Backward ? -1 : 1;
            var at = trigger.Backward ? start - 1 : end;
            for (var reach = 0; reach < lexicon.ModifierScope && at >= 0 && at < count && clauses[at] == clauses[start]; reach++, at += step)
            {
                if (terminator[at] || (modifier == ConceptModifier.OtherPerson && matches.MatchesAny(at, lexicon.OtherPersonEnds)))
                {
                    break;
                }

                (modifiers[at] ??= []).Add(modifier);
            }
        }

        foreach (var mention in mentions)
        {
            mention.Modifiers = modifiers[mention.Start] ?? [];
        }
    }

    /// <summary>The mentions that fire the rule (one per group, the first group's as the anchor), or null.</summary>
    private static List<Mention>? Evaluate(ConceptRule rule, List<Mention> mentions)
    {
        foreach (var anchor in mentions)
        {
            if (!rule.AllOf[0].Contains(anchor.Concept) || !Counts(anchor, rule))
            {
                continue;
            }

            List<Mention>? used = [anchor];
            for (var g = 1; g < rule.AllOf.Count && used is not null; g++)
            {
                var group = rule.AllOf[g];
                var near = mentions.Find(m => group.Contains(m.Concept) && Counts(m, rule) && Near(anchor, m, rule.Window));
                used = near is null ? null : [.. used, near];
            }

            var blocked = mentions.Exists(m => rule.NoneOf.Contains(m.Concept) && Near(anchor, m, rule.Window));
            if (used is not null && !blocked)
            {
                return used;
            }
        }

        return null;
    }

    private static bool Inside(int at, int start, int end) => start <= at && at < end;

    private static bool Counts(Mention mention, ConceptRule rule) => !mention.Modifiers.Overlaps(rule.SilencedBy);

    private static bool Near(Mention a, Mention b, int window) => Math.Abs(a.Start - b.Start) <= window;

    /// <summary>One concept term found in the message, and the modifiers over it.</summary>
    private sealed record Mention(string Concept, int Start, int End, LexiconPhrase Term)
    {
        public HashSet<ConceptModifier> Modifiers { get; set; } = [];
    }
}
