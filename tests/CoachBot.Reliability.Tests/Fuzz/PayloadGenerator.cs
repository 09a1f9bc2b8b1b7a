using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CoachBot.Reliability.Tests.Fuzz;

/// <summary>
/// Generates malformed and hostile requests for /api/messages and the Direct Line routes, deterministically from
/// a seed: the same seed always gives the same requests, so a failure found once can be replayed.
/// </summary>
public sealed class PayloadGenerator(int seed, FuzzTargets targets)
{
    private static readonly string[] OddStrings =
    [
        "\u0000", "a\u0000b", "\u202Eevil\u202C", "\u200B\u200C\u200D\uFEFF", "\uFFFE\uFFFF", "e\u0301\u0301\u0301\u0301",
        "\U0001F600\U0001F4A9", "\u0085\u2028\u2029", "\r\n\r\n", "\t\v\f", "%00", "%2F..%2F..", "../../etc/passwd",
        "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x}", "{{7*7}}", "\\u0000", "\u00A0", "\u061C\u200F",
        "𝕳𝖊𝖑𝖑𝖔", "ﷺ", "\u0650\u0651", "null", "true", "[]", "{}", "\"", "\\", "/", string.Empty, " ",
    ];

    // JSON escapes System.Text.Json accepts but which decode to invalid UTF-16 (lone surrogates).
    private static readonly string[] RawJsonStrings =
    [
        "\"\\ud800\"", "\"\\udfff\"", "\"a\\ud83d\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"\\u202e\"",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "text/plain", "application/xml", "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded", "application/json; charset=utf-16", "application/json; charset=nonsense",
        "*/*", ";;;", "application/jsonx", "image/png", "application/json+evil",
    ];

    private readonly Random _random = new(seed);

    /// <summary>The request families, each picked with equal weight.</summary>
    public static IReadOnlyList<string> Categories { get; } =
    [
        "broken-json", "huge-body", "deep-nesting", "wrong-types", "odd-unicode", "huge-strings",
        "wrong-content-type", "invalid-ids", "missing-fields", "bad-credentials", "bad-query", "invalid-utf8", "mutated-valid",
    ];

    /// <summary>Makes the <paramref name="index"/>-th case.</summary>
    public FuzzCase Next(int index)
    {
        var category = Categories[_random.Next(Categories.Count)];
        var route = PickRoute();
        var auth = route.Auth;
        var path = route.Path;
        string? contentType = "application/json";
        byte[]? body;
        var chunked = _random.Next(4) == 0;
        switch (category)
        {
            case "broken-json":
                body = Utf8(BrokenJson(route));
                break;
            case "huge-body":
                body = HugeBody();
                break;
            case "deep-nesting":
                body = Utf8(DeepNesting(route));
                break;
            case "wrong-types":
                body = Utf8(WrongTypes(route));
                break;
            case "odd-unicode":
                body = Utf8(OddUnicode(route));
                break;
            case "huge-strings":
                body = Utf8(ValidShape(route, text: new string(Pick("aé€😀\u0000".ToCharArray()), 40_000 + _random.Next(300_000))));
                break;
            case "wrong-content-type":
                body = Utf8(ValidShape(route, text: "hello"));
                contentType = _random.Next(6) == 0 ? null : Pick(ContentTypes);
                break;
            case "invalid-ids":
                path = InvalidIdPath(route);
                body = Utf8(ValidShape(route, conversationId: OddId(), text: "hi"));
                break;
            case "missing-fields":
                body = Utf8(MissingFields(route));
                break;
            case "bad-credentials":
                auth = BadCredential();
                body = Utf8(ValidShape(route, text: "hi"));
                break;
            case "bad-query":
                path = path + "?watermark=" + Uri.EscapeDataString(Pick(["-1", "abc", "99999999999999999999999", "1e5", "0x10", " 1", "null", "NaN", "\u0661", "18446744073709551616"])) + (_random.Next(2) == 0 ? "&t=" + new string('x', _random.Next(5000)) : string.Empty);
                body = route.Method == HttpMethod.Get ? null : Utf8(ValidShape(route, text: "q"));
                break;
            case "invalid-utf8":
                body = InvalidUtf8(route);
                break;
            default:
                body = Utf8(Mutate(ValidShape(route, text: "mutate me")));
                break;
        }

        if (route.Method == HttpMethod.Get && _random.Next(3) != 0)
        {
            body = null;
        }

        return new FuzzCase(index, category + ":" + route.Name, route.Method, path, auth, body is null ? null : contentType, body, chunked && body is not null);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private Route PickRoute()
    {
        var conversation = targets.ConversationId;
        var routes = new Route[]
        {
            new("messages", HttpMethod.Post, "/api/messages", null, RouteShape.Activity),
            new("messages", HttpMethod.Post, "/api/messages", null, RouteShape.Activity),
            new("messages", HttpMethod.Post, "/api/messages", null, RouteShape.Activity),
            new("tokens-generate", HttpMethod.Post, "/v3/directline/tokens/generate", "Bearer " + targets.Secret, RouteShape.TokenParameters),
            new("tokens-refresh", HttpMethod.Post, "/v3/directline/tokens/refresh", "Bearer " + targets.Token, RouteShape.TokenParameters),
            new("conversations", HttpMethod.Post, "/v3/directline/conversations", "Bearer " + targets.Secret, RouteShape.TokenParameters),
            new("conversations", HttpMethod.Post, "/v3/directline/conversations", "Bearer " + targets.Token, RouteShape.TokenParameters),
            new("reconnect", HttpMethod.Get, "/v3/directline/conversations/" + conversation, "Bearer " + targets.Token, RouteShape.None),
            new("activities-post", HttpMethod.Post, "/v3/directline/conversations/" + conversation + "/activities", "Bearer " + targets.Token, RouteShape.Activity),
            new("activities-post", HttpMethod.Post, "/v3/directline/conversations/" + conversation + "/activities", "Bearer " + targets.Secret, RouteShape.Activity),
            new("activities-get", HttpMethod.Get, "/v3/directline/conversations/" + conversation + "/activities", "Bearer " + targets.Token, RouteShape.None),
            new("webchat-token", HttpMethod.Post, "/api/webchat/token", null, RouteShape.TokenParameters),
        };
        return Pick(routes);
    }

    private string ValidShape(Route route, string? text = null, string? conversationId = null)
    {
        var id = "fz-" + _random.Next(1_000_000).ToString(CultureInfo.InvariantCulture);
        return route.Shape switch
        {
            RouteShape.TokenParameters => JsonSerializer.Serialize(new { user = new { id = "dl_" + id, name = text }, locale = "en-US" }),
            RouteShape.None => string.Empty,
            _ => JsonSerializer.Serialize(new
            {
                type = "message",
                id,
                timestamp = "2026-01-01T10:00:00.000Z",
                channelId = Pick(["test", "msteams", "directline", "webchat", "emulator"]),
                serviceUrl = Pick(targets.ServiceUrls),
                conversation = new { id = conversationId ?? "fuzz-" + _random.Next(50).ToString(CultureInfo.InvariantCulture) },
                from = new { id = "user-" + _random.Next(50).ToString(CultureInfo.InvariantCulture), name = "Fuzz" },
                recipient = new { id = "bot", name = "CoachBot" },
                text,
                locale = "en-US",
            }),
        };
    }

    private string BrokenJson(Route route)
    {
        var valid = ValidShape(route, text: "broken");
        if (valid.Length == 0)
        {
            valid = "{\"a\":1}";
        }

        return _random.Next(6) switch
        {
            0 => valid[.._random.Next(valid.Length)],
            1 => valid + Pick(["}", "]", ",", "{", "garbage", "\u0000", "//c", "/*"]),
            2 => valid.Replace("\"", Pick(["'", string.Empty, "\\\""]), StringComparison.Ordinal),
            3 => valid.Replace(":", Pick(["=", "::", string.Empty]), StringComparison.Ordinal),
            4 => Pick(["", "null", "true", "0", "-", "[", "{", "\"", "NaN", "Infinity", "1e999", "[1,2,]", "{\"a\":}", "{,}", "{\"a\" \"b\"}", "\uFEFF{}", "{} {}", "[{}]", "[]"]),
            _ => RandomText(1 + _random.Next(2000)),
        };
    }

    private byte[] HugeBody()
    {
        var size = Pick([257 * 1024, 300 * 1024, 1024 * 1024, 3 * 1024 * 1024]);
        var builder = new StringBuilder(size + 64);
        builder.Append("{\"type\":\"message\",\"text\":\"");
        builder.Append('x', size);
        builder.Append("\"}");
        return Utf8(builder.ToString());
    }

    private string DeepNesting(Route route)
    {
        var depth = Pick([65, 100, 1000, 10_000, 100_000]);
        var open = Pick(["[", "{\"a\":"]);
        var close = open == "[" ? "]" : "}";
        var nest = new StringBuilder(depth * (open.Length + 1) + 8);
        for (var i = 0; i < depth; i++)
        {
            nest.Append(open);
        }

        nest.Append('1');
        if (_random.Next(3) != 0)
        {
            for (var i = 0; i < depth; i++)
            {
                nest.Append(close);
            }
        }

        if (_random.Next(2) == 0 || route.Shape == RouteShape.None)
        {
            return nest.ToString();
        }

        // Nested inside a field of an otherwise valid body.
        var field = Pick(["channelData", "value", "entities", "attachments", "conversation", "from", "user", "text"]);
        var valid = ValidShape(route, text: "deep");
        return valid.Length == 0 ? nest.ToString() : valid[..^1] + ",\"" + field + "\":" + nest + "}";
    }

    private string WrongTypes(Route route)
    {
        var valid = ValidShape(route, text: "types");
        if (valid.Length == 0)
        {
            valid = "{}";
        }

        using var document = JsonDocument.Parse(valid);
        var fields = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        fields.AddRange(["attachments", "entities", "membersAdded", "timestamp", "localTimestamp", "value", "suggestedActions", "replyToId", "channelData", "textFormat", "expiration", "importance"]);
        var target = Pick(fields);
        var wrong = Pick(["123", "-1", "1.5e308", "true", "false", "null", "[]", "[1,\"a\",null]", "{}", "{\"id\":{}}", "\"\"", "\"not-a-date\"", "\"9999-99-99T99:99:99Z\"", "18446744073709551616", "-0", "\"\\u0000\""]);
        var builder = new StringBuilder("{");
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name == target)
            {
                continue;
            }

            builder.Append(JsonSerializer.Serialize(property.Name)).Append(':').Append(property.Value.GetRawText()).Append(',');
        }

        builder.Append(JsonSerializer.Serialize(target)).Append(':').Append(wrong);
        if (_random.Next(4) == 0)
        {
            builder.Append(',').Append(JsonSerializer.Serialize(target)).Append(":\"duplicate\"");
        }

        return builder.Append('}').ToString();
    }

    private string OddUnicode(Route route)
    {
        var odd = Pick(OddStrings) + RandomText(_random.Next(30));
        if (_random.Next(2) == 0)
        {
            // Raw escapes that decode to lone surrogates and NULs, placed in the text, ids and names.
            var raw = Pick(RawJsonStrings);
            var template = ValidShape(route, text: "@@TEXT@@", conversationId: "@@CONV@@");
            if (template.Length == 0)
            {
                return "{\"user\":{\"id\":" + raw + "}}";
            }

            return template
                .Replace("\"@@TEXT@@\"", raw, StringComparison.Ordinal)
                .Replace("\"@@CONV@@\"", _random.Next(2) == 0 ? raw : "\"c\"", StringComparison.Ordinal)
                .Replace("\"Fuzz\"", raw, StringComparison.Ordinal)
                .Replace("\"dl_", "\"\\ud800dl_", StringComparison.Ordinal);
        }

        return ValidShape(route, text: odd, conversationId: _random.Next(3) == 0 ? odd : null);
    }

    private string MissingFields(Route route)
    {
        var valid = ValidShape(route, text: "missing");
        if (valid.Length == 0)
        {
            return "{}";
        }

        using var document = JsonDocument.Parse(valid);
        var keep = document.RootElement.EnumerateObject().Where(_ => _random.Next(3) != 0).ToList();
        return "{" + string.Join(',', keep.Select(p => JsonSerializer.Serialize(p.Name) + ":" + p.Value.GetRawText())) + "}";
    }

    private string InvalidIdPath(Route route)
    {
        var id = Uri.EscapeDataString(OddId());
        if (_random.Next(4) == 0)
        {
            id = Pick(["%2F", "..", "%2e%2e", "%00", "%ZZ", "a%2Fb%2Fc", "%C0%AF", "%ED%A0%80", "~", "%u0000", new string('a', 4000), new string('b', 20_000)]);
        }

        return route.Name switch
        {
            "reconnect" => "/v3/directline/conversations/" + id,
            "activities-post" or "activities-get" => "/v3/directline/conversations/" + id + "/activities",
            _ => route.Path,
        };
    }

    private string OddId() => _random.Next(5) switch
    {
        0 => Pick(OddStrings),
        1 => new string('c', 1 + _random.Next(5000)),
        2 => RandomText(1 + _random.Next(64)),
        3 => "conv|" + Pick(OddStrings) + ";messageid=1",
        _ => targets.ConversationId + Pick(["x", "\u0000", " ", "/", "%"]),
    };

    private string? BadCredential() => _random.Next(10) switch
    {
        0 => null,
        1 => "Bearer",
        2 => "Bearer ",
        3 => "Basic " + Convert.ToBase64String(Utf8("a:b")),
        4 => "Bearer " + targets.Token[..Math.Max(1, targets.Token.Length / 2)],
        5 => "Bearer " + targets.Token + "x",
        6 => "Bearer " + new string('A', 1 + _random.Next(6000)),
        7 => "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
        8 => "bearer " + targets.Secret,
        _ => "Bearer " + targets.Secret[..^1] + "Z",
    };

    private byte[] InvalidUtf8(Route route)
    {
        var valid = Utf8(ValidShape(route, text: "@@X@@"));
        if (valid.Length == 0)
        {
            valid = Utf8("{\"user\":{\"id\":\"@@X@@\"}}");
        }

        var bad = Pick<byte[]>([[0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xFF], [0xFE, 0xFF], [0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x00]]);
        var marker = Utf8("@@X@@");
        var at = valid.AsSpan().IndexOf(marker);
        if (at < 0)
        {
            return [.. valid, .. bad];
        }

        return [.. valid.AsSpan(0, at), .. bad, .. valid.AsSpan(at + marker.Length)];
    }

    private string Mutate(string valid)
    {
        var chars = valid.ToCharArray();
        var edits = 1 + _random.Next(8);
        for (var i = 0; i < edits && chars.Length > 0; i++)
        {
            chars[_random.Next(chars.Length)] = (char)_random.Next(0x20, 0x7F);
        }

        return new string(chars);
    }

    private string RandomText(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append((char)(_random.Next(4) == 0 ? _random.Next(0, 0xFFFF) : _random.Next(0x20, 0x7F)));
        }

        return builder.ToString();
    }

    private enum RouteShape
    {
        Activity,
        TokenParameters,
        None,
    }

    private sealed record Route(string Name, HttpMethod Method, string Path, string? Auth, RouteShape Shape);
}

/// <summary>What the generator needs to aim at live routes: a real secret, token, conversation and service URLs.</summary>
public sealed record FuzzTargets(string Secret, string Token, string ConversationId, IReadOnlyList<string> ServiceUrls);
