using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LeadScoring.Tests.Solution;

/// <summary>
/// Evaluates the part of the workflow definition language the sales-ready message uses: "@{…}"
/// interpolations of function calls (replace, string, coalesce, join, triggerOutputs, item, body),
/// '…' literals with '' for a quote, and ?['key'] access. Semantics as documented in
/// https://learn.microsoft.com/azure/logic-apps/expression-functions-reference (replace is
/// case-sensitive and replaces every occurrence; coalesce returns the first non-null argument).
/// </summary>
internal sealed class FlowExpression
{
    private readonly string _text;
    private readonly Func<string, object?[], object?> _call;
    private int _at;

    private FlowExpression(string text, Func<string, object?[], object?> call)
    {
        _text = text;
        _call = call;
    }

    /// <summary>A text with @{…} interpolations; <paramref name="call"/> answers the functions that read the run (triggerOutputs, item, body).</summary>
    public static string Interpolate(string template, Func<string, object?[], object?> call)
    {
        var result = new StringBuilder();
        for (int i = 0; i < template.Length;)
        {
            int start = template.IndexOf("@{", i, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }

            result.Append(template, i, start - i);
            var expression = new FlowExpression(template, call) { _at = start + 2 };
            result.Append(Text(expression.Expression()));
            expression.Expect('}');
            i = expression._at;
        }

        return result.ToString();
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private object? Expression()
    {
        object? value = Primary();
        while (true)
        {
            Skip();
            if (Peek('?'))
            {
                _at++;
            }

            if (!Peek('['))
            {
                return value;
            }

            _at++;
            var key = Text(Expression());
            Expect(']');
            value = value is IReadOnlyDictionary<string, object?> row && row.TryGetValue(key, out var v) ? v : null;
        }
    }

    private object? Primary()
    {
        Skip();
        if (Peek('\''))
        {
            var literal = new StringBuilder();
            for (_at++; ; _at++)
            {
                if (_text[_at] == '\'' && _at + 1 < _text.Length && _text[_at + 1] == '\'')
                {
                    literal.Append('\'');
                    _at++;
                }
                else if (_text[_at] == '\'')
                {
                    _at++;
                    return literal.ToString();
                }
                else
                {
                    literal.Append(_text[_at]);
                }
            }
        }

        int start = _at;
        while (char.IsLetterOrDigit(_text[_at]))
        {
            _at++;
        }

        string name = _text.Substring(start, _at - start);
        Expect('(');
        var args = new List<object?>();
        Skip();
        while (!Peek(')'))
        {
            args.Add(Expression());
            Skip();
            if (Peek(','))
            {
                _at++;
            }
        }

        _at++;
        return name switch
        {
            "replace" => Text(args[0]).Replace(Text(args[1]), Text(args[2]), StringComparison.Ordinal),
            "string" => Text(args[0]),
            "coalesce" => args.FirstOrDefault(a => a is not null),
            "join" => string.Join(Text(args[1]), ((IEnumerable<object?>)args[0]!).Select(Text)),
            _ => _call(name, args.ToArray()),
        };
    }

    private bool Peek(char c) => _at < _text.Length && _text[_at] == c;

    private void Skip()
    {
        while (_at < _text.Length && _text[_at] == ' ')
        {
            _at++;
        }
    }

    private void Expect(char c)
    {
        Skip();
        if (!Peek(c))
        {
            throw new FormatException($"expected '{c}' at {_at} in {_text}");
        }

        _at++;
    }
}
