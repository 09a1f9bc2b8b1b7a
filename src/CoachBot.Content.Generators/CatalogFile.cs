using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CoachBot.Content.Generators;

/// <summary>One message of the catalog: its key and its variants (one or more texts).</summary>
internal sealed class CatalogEntry
{
    public CatalogEntry(string key, IReadOnlyList<string> variants)
    {
        Key = key;
        Variants = variants;
    }

    public string Key { get; }

    public IReadOnlyList<string> Variants { get; }
}

/// <summary>
/// Reads <c>content/messages/en.json</c> inside the compiler, where System.Text.Json is not available: a JSON object
/// whose values are strings or arrays of strings, in file order. Anything else is a <see cref="FormatException"/>
/// naming the position; the host's own loader checks the rest of the catalog at start-up.
/// </summary>
internal sealed class CatalogFile
{
    private readonly string _text;
    private int _at;

    private CatalogFile(string text) => _text = text;

    public static List<CatalogEntry> Parse(string text)
    {
        var reader = new CatalogFile(text);
        var entries = reader.ReadObject();
        reader.SkipSpace();
        if (reader._at != text.Length)
        {
            throw reader.Error("text after the closing brace");
        }

        return entries;
    }

    private List<CatalogEntry> ReadObject()
    {
        var entries = new List<CatalogEntry>();
        Expect('{');
        if (TryTake('}'))
        {
            return entries;
        }

        do
        {
            var key = ReadString();
            Expect(':');
            SkipSpace();
            var variants = new List<string>();
            if (Peek() == '[')
            {
                Expect('[');
                if (!TryTake(']'))
                {
                    do
                    {
                        variants.Add(ReadString());
                    }
                    while (TryTake(','));
                    Expect(']');
                }
            }
            else
            {
                variants.Add(ReadString());
            }

            entries.Add(new CatalogEntry(key, variants));
        }
        while (TryTake(','));
        Expect('}');
        return entries;
    }

    private string ReadString()
    {
        Expect('"');
        var text = new StringBuilder();
        while (true)
        {
            if (_at >= _text.Length)
            {
                throw Error("a string that does not end");
            }

            var c = _text[_at++];
            if (c == '"')
            {
                return text.ToString();
            }

            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            var escape = _at < _text.Length ? _text[_at++] : '\0';
            switch (escape)
            {
                case '"': text.Append('"'); break;
                case '\\': text.Append('\\'); break;
                case '/': text.Append('/'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u' when _at + 4 <= _text.Length:
                    text.Append((char)int.Parse(_text.Substring(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    _at += 4;
                    break;
                default:
                    throw Error("an unknown escape");
            }
        }
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (Peek() != c)
        {
            throw Error("'" + c + "' expected");
        }

        _at++;
    }

    private bool TryTake(char c)
    {
        SkipSpace();
        if (Peek() != c)
        {
            return false;
        }

        _at++;
        return true;
    }

    private char Peek() => _at < _text.Length ? _text[_at] : '\0';

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
        {
            _at++;
        }
    }

    private FormatException Error(string problem)
    {
        var line = 1;
        for (var i = 0; i < _at && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
            }
        }

        return new FormatException("line " + line.ToString(CultureInfo.InvariantCulture) + ": " + problem);
    }
}
