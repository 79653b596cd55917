using System.IO;
using System.Text;

namespace LeadScoring.Workbench
{
    /// <summary>A writer that passes on whole lines, with <see cref="Secrets.Mask"/> and <see cref="Printable.Text"/> applied: stderr never shows a secret or a raw control character.</summary>
    internal sealed class MaskingWriter : TextWriter
    {
        private readonly TextWriter _inner;
        private readonly StringBuilder _line = new();

        public MaskingWriter(TextWriter inner) => _inner = inner;

        public override Encoding Encoding => _inner.Encoding;

        public override void Write(char value)
        {
            if (value == '\n')
            {
                _inner.WriteLine(Printable.Text(Secrets.Mask(_line.ToString().TrimEnd('\r'))));
                _line.Clear();
            }
            else
            {
                _line.Append(value);
            }
        }

        public override void Flush()
        {
            if (_line.Length > 0)
            {
                _inner.Write(Printable.Text(Secrets.Mask(_line.ToString())));
                _line.Clear();
            }

            _inner.Flush();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Flush();
            }

            base.Dispose(disposing);
        }
    }
}
