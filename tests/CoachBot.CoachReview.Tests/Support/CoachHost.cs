using System.Net;
using System.Text.RegularExpressions;
using CoachBot.Accounts;
using CoachBot.Coaching.CheckIns;
using CoachBot.Coaching.Policy;
using CoachBot.Protocol.Middleware;
using CoachBot.Protocol.Schema;
using CoachBot.Records;
using CoachBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.CoachReview.Tests.Support;

/// <summary>The real host in memory (memory storage, a fake clock) with helpers to seed records and log coaches in.</summary>
public sealed partial class CoachHost : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";

    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Storage:Provider"] = "Memory",
        ["DirectLine:Secret"] = "test-secret-that-is-long-enough-0123456789",
        ["Coaches:TimeZone"] = "Europe/London",
        ["RateLimits:CoachLogin:PermitLimit"] = "1000", // every test client shares one address; the limit has its own tests
    };

    public CoachHost(params (string Key, string? Value)[] settings)
    {
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    /// <summary>Monday 6 January 2025, 09:00 UTC at the start.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client that keeps cookies and does not follow redirects, over https (coach cookies are Secure outside Development).</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

    public async Task<CoachAccount> AddCoachAsync(string email = "sam@example.org", string? name = "Sam") =>
        await Get<CoachAccounts>().AddAsync(email, Password, name);

    /// <summary>Creates the coach (unless it exists) and returns a logged-in client.</summary>
    public async Task<HttpClient> LoggedInClientAsync(string email = "sam@example.org", string? name = "Sam")
    {
        if (await Get<CoachAccounts>().GetAsync(email) is null)
        {
            await AddCoachAsync(email, name);
        }

        var client = NewClient();
        var response = await LoginAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var form = await LoginFormAsync(client);
        return await PostLoginAsync(client, form, email, password, returnUrl);
    }

    /// <summary>Loads the login page: its antiforgery token and its login-form ticket.</summary>
    public static async Task<(string Token, string Ticket)> LoginFormAsync(HttpClient client)
    {
        var html = await client.GetStringAsync(new Uri("/coach/login", UriKind.Relative));
        var token = TokenPattern().Match(html);
        var ticket = TicketPattern().Match(html);
        Assert.True(token.Success && ticket.Success, "The login page lacks its antiforgery token or its ticket.");
        return (WebUtility.HtmlDecode(token.Groups[1].Value), WebUtility.HtmlDecode(ticket.Groups[1].Value));
    }

    /// <summary>Posts the login form with a token and ticket from <see cref="LoginFormAsync"/>.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, (string Token, string Ticket) form, string email, string password, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = form.Token, ["loginForm"] = form.Ticket };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        return await client.PostAsync(new Uri("/coach/login", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    /// <summary>Loads a page and returns the antiforgery token of its first form.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "No antiforgery token on " + page);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form from a page, with that page's token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var token = await TokenAsync(client, page);
        var values = fields.ToDictionary(f => f.Name, f => f.Value);
        values["__RequestVerificationToken"] = token;
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    public async Task<PatientRecord> AddPatientAsync(string patientId = "webchat-p1", string? name = "Alex", int? baseline = 5)
    {
        return await Get<IPatientRepository>().SaveAsync(new PatientRecord
        {
            PatientId = patientId,
            ChannelId = "webchat",
            UserId = "p1",
            CreatedAt = Time.GetUtcNow(),
            Name = name,
            Onboarded = true,
            BaselinePain = baseline,
        });
    }

    public async Task<EscalationRecord> RaiseAsync(string patientId, Escalation level, DateTimeOffset raisedAt, string rule = "RF-1", string? words = "I can't feel my bottom")
    {
        return await Get<IEscalationRepository>().RaiseAsync(new EscalationRecord
        {
            Id = EscalationIds.New(raisedAt),
            PatientId = patientId,
            Level = level,
            RuleIds = [rule],
            Reason = "safety screen: " + rule,
            PatientWords = words,
            RaisedAt = raisedAt,
        });
    }

    public async Task AddCheckInAsync(string patientId, int sequence, int pain, Decision decision, DateTimeOffset at, params FiredRule[] rules)
    {
        await Get<ICheckInRepository>().AppendAsync(new CheckInEntry
        {
            PatientId = patientId,
            Sequence = sequence,
            RecordedAt = at,
            LocalDate = DateOnly.FromDateTime(at.UtcDateTime),
            Input = new CheckInInput { PainNow = pain, PainTypes = new HashSet<PainType> { PainType.Ache }, RedFlags = new HashSet<RedFlag> { RedFlag.None } },
            Decision = decision,
            Escalation = Escalation.None,
            MustMention = [],
            FiredRules = rules,
            RuleSetVersion = "test",
        });
    }

    /// <summary>Stores a conversation reference pointing at <paramref name="serviceUrl"/> and a short transcript.</summary>
    public async Task<ConversationReference> AddConversationAsync(string patientId, string serviceUrl, string conversationId = "conv-1")
    {
        var reference = new ConversationReference
        {
            ChannelId = "webchat",
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount(conversationId),
            User = new ChannelAccount("p1", "Alex"),
            Bot = new ChannelAccount("coachbot", "CoachBot"),
        };
        await Get<IConversationReferenceStore>().SaveAsync(patientId, reference);
        var log = Get<ITranscriptLogger>();
        await log.LogActivityAsync(Message(reference, fromPatient: true, "my legs feel numb", Time.GetUtcNow()));
        await log.LogActivityAsync(Message(reference, fromPatient: false, "Please call 999 now.", Time.GetUtcNow().AddSeconds(1)));
        return reference;
    }

    /// <summary>Logs one more message of a stored conversation, from the patient or from the bot.</summary>
    public Task AddMessageAsync(ConversationReference reference, bool fromPatient, string text, DateTimeOffset at) =>
        Get<ITranscriptLogger>().LogActivityAsync(Message(reference, fromPatient, text, at));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    private static Activity Message(ConversationReference reference, bool fromPatient, string text, DateTimeOffset at)
    {
        var activity = Activity.CreateMessage(text);
        activity.Id = Guid.NewGuid().ToString("N");
        activity.ChannelId = reference.ChannelId;
        activity.Conversation = reference.Conversation;
        activity.From = fromPatient ? reference.User : reference.Bot;
        activity.Recipient = fromPatient ? reference.Bot : reference.User;
        activity.Timestamp = at;
        return activity;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"loginForm\" value=\"([^\"]+)\"")]
    private static partial Regex TicketPattern();
}
