namespace CoachBot.Coaching.CheckIns;

/// <summary>One problem with check-in input.</summary>
/// <param name="Field">
/// The JSON path of the bad field, for example <c>painNow</c>, <c>painTypes[1]</c>, or <c>[2].redFlags</c> for
/// the third element of an array; empty when the document itself is bad (not JSON).
/// </param>
/// <param name="Message">What is wrong, in plain developer language (includes the field name).</param>
public sealed record CheckInError(string Field, string Message);
