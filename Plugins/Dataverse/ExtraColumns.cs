using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LeadScoring.Dataverse
{
    /// <summary>
    /// ls_RecordInteraction's Columns: a flat JSON object of extra ls_interaction columns and their
    /// values ({"ls_campaigncode": "Q3-WEB", "ls_score": 4}): text, whole and decimal numbers, true and
    /// false. Small and dependency-free because it runs in the plug-in sandbox.
    /// </summary>
    public static class ExtraColumns
    {
        public static IReadOnlyList<KeyValuePair<string, object>> Parse(string json)
        {
            var reader = new Reader(json);
            var columns = new List<KeyValuePair<string, object>>();
            reader.Expect('{');
            if (reader.TryTake('}'))
            {
                reader.End();
                return columns;
            }

            do
            {
                var name = reader.String();
                reader.Expect(':');
                columns.Add(new KeyValuePair<string, object>(name, reader.Scalar(name)));
            }
            while (reader.TryTake(','));
            reader.Expect('}');
            reader.End();
            return columns;
        }

        private sealed class Reader
        {
            private readonly string _text;
            private int _at;

            public Reader(string text) => _text = text;

            public void Expect(char c)
            {
                if (!TryTake(c))
                {
                    throw Error("'" + c + "' expected");
                }
            }

            public bool TryTake(char c)
            {
                SkipSpace();
                if (_at < _text.Length && _text[_at] == c)
                {
                    _at++;
                    return true;
                }

                return false;
            }

            public void End()
            {
                SkipSpace();
                if (_at < _text.Length)
                {
                    throw Error("nothing may follow the object");
                }
            }

            public string String()
            {
                Expect('"');
                var value = new StringBuilder();
                while (_at < _text.Length && _text[_at] != '"')
                {
                    char c = _text[_at++];
                    if (c == '\\' && _at < _text.Length)
                    {
                        c = _text[_at++];
                        if (c == 'u' && _at + 4 <= _text.Length)
                        {
                            c = (char)int.Parse(_text.Substring(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                            _at += 4;
                        }
                        else
                        {
                            c = c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => c };
                        }
                    }

                    value.Append(c);
                }

                Expect('"');
                return value.ToString();
            }

            public object Scalar(string name)
            {
                SkipSpace();
                if (_at < _text.Length && _text[_at] == '"')
                {
                    return String();
                }

                int start = _at;
                while (_at < _text.Length && ",} \t\r\n".IndexOf(_text[_at]) < 0)
                {
                    _at++;
                }

                var token = _text.Substring(start, _at - start);
                if (token == "true" || token == "false")
                {
                    return token == "true";
                }

                if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    return whole;
                }

                if (decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return number;
                }

                throw new FormatException("Columns: the value of '" + name + "' must be text in quotes, a number, true or false; got " + (token.Length == 0 ? "nothing" : token) + ".");
            }

            private void SkipSpace()
            {
                while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
                {
                    _at++;
                }
            }

            private FormatException Error(string what) =>
                new("Columns must be a JSON object of column names and values, such as {\"ls_campaigncode\": \"Q3\"}: " + what + " at character " + (_at + 1) + ".");
        }
    }
}
