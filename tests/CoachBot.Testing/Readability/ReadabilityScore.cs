namespace CoachBot.Testing.Readability;

/// <summary>
/// Word, sentence and syllable counts of a text, with the two Flesch formulas computed from them.
/// </summary>
/// <param name="Words">Words counted (numbers count as words; placeholders and markup do not).</param>
/// <param name="Sentences">Sentences counted (at least one when there are words).</param>
/// <param name="Syllables">Syllables counted over all words.</param>
public sealed record ReadabilityScore(int Words, int Sentences, int Syllables)
{
    /// <summary>
    /// Flesch-Kincaid Grade Level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
    /// Zero for an empty text. Lower is easier; patient text aims for 6 and must stay at or below 8.
    /// </summary>
    public double FleschKincaidGrade =>
        Words == 0 ? 0 : (0.39 * WordsPerSentence) + (11.8 * SyllablesPerWord) - 15.59;

    /// <summary>
    /// Flesch Reading Ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.
    /// 100 for an empty text. Higher is easier; 60–70 is plain English, and patient text must reach 60.
    /// </summary>
    public double FleschReadingEase =>
        Words == 0 ? 100 : 206.835 - (1.015 * WordsPerSentence) - (84.6 * SyllablesPerWord);

    /// <summary>Average words per sentence.</summary>
    public double WordsPerSentence => Sentences == 0 ? 0 : (double)Words / Sentences;

    /// <summary>Average syllables per word.</summary>
    public double SyllablesPerWord => Words == 0 ? 0 : (double)Syllables / Words;

    /// <summary>Combines the counts of two texts, so a long text can be scored in parts.</summary>
    public ReadabilityScore Add(ReadabilityScore other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ReadabilityScore(Words + other.Words, Sentences + other.Sentences, Syllables + other.Syllables);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"FKGL {FleschKincaidGrade:0.0}, FRE {FleschReadingEase:0.0} ({Words} words, {Sentences} sentences, {Syllables} syllables)");
}
