namespace CoachBot.Storage.Sqlite;

/// <summary>One step of the schema: applied once, in version order, and recorded in <c>schema_version</c>.</summary>
/// <param name="Version">1, 2, 3 …: strictly increasing without gaps.</param>
/// <param name="Name">What the step does, stored beside the version.</param>
/// <param name="Sql">The statements of the step, run in the migration transaction.</param>
internal sealed record SqliteMigration(int Version, string Name, string Sql);
