namespace CoachBot.Coaching.Programs;

/// <summary>What to do for one exercise in the next session.</summary>
/// <param name="ExerciseId">The exercise id (content key).</param>
/// <param name="LoadKg">Load in kilograms (0 = bodyweight).</param>
/// <param name="Reps">Repetitions per set.</param>
/// <param name="Sets">Sets.</param>
/// <param name="LoadsBack">Whether the lift loads the back.</param>
public sealed record ExerciseDose(string ExerciseId, decimal LoadKg, int Reps, int Sets, bool LoadsBack);
