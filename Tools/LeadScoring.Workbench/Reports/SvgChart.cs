using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace LeadScoring.Workbench.Reports
{
    /// <summary>A data series of a chart: its name (for the legend), its colour and its values.</summary>
    internal sealed record ChartSeries(string Name, string Color, IReadOnlyList<double> Values);

    /// <summary>A line of a chart: points (x, y); a step line holds each y until the next x.</summary>
    internal sealed record ChartLine(string Name, string Color, IReadOnlyList<(double X, double Y)> Points, bool Step = false);

    /// <summary>
    /// Inline SVG charts for the self-contained HTML reports: grouped bars, lines, a heatmap and a
    /// funnel, with axes, a legend and a title, no script and no external resource. Every text is escaped.
    /// </summary>
    internal static class SvgChart
    {
        private const double Width = 640, Height = 320, Left = 56, Right = 16, Top = 40, Bottom = 48;
        private const double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

        /// <summary>Five steps: a top of 1, 2, 2.5, 5 or 10 (× a power of ten) divides into round numbers.</summary>
        private const int YTicks = 5;

        public static string Bars(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, Func<double, string> format, double? maxY = null)
        {
            double top = NiceMax(maxY ?? series.SelectMany(s => s.Values).DefaultIfEmpty(1).Max());
            var svg = Open(title);
            YAxis(svg, 0, top, format);
            double slot = PlotWidth / Math.Max(1, categories.Count), bar = slot * 0.8 / Math.Max(1, series.Count);
            for (int c = 0; c < categories.Count; c++)
            {
                double x0 = Left + (c * slot) + (slot * 0.1);
                for (int s = 0; s < series.Count; s++)
                {
                    double value = series[s].Values[c], h = value / top * PlotHeight;
                    svg.Append(F($"<rect x=\"{x0 + (s * bar):0.#}\" y=\"{Top + PlotHeight - h:0.#}\" width=\"{bar - 1:0.#}\" height=\"{h:0.#}\" fill=\"{series[s].Color}\"><title>{E($"{series[s].Name}, {categories[c]}: {format(value)}")}</title></rect>"));
                }

                svg.Append(F($"<text x=\"{Left + (c * slot) + (slot / 2):0.#}\" y=\"{Top + PlotHeight + 16:0.#}\" text-anchor=\"middle\">{E(categories[c])}</text>"));
            }

            Legend(svg, series.Select(s => (s.Name, s.Color)));
            return Close(svg);
        }

        public static string Lines(string title, IReadOnlyList<ChartLine> lines, (double Min, double Max) x, (double Min, double Max) y,
            Func<double, string> xFormat, Func<double, string> yFormat, IReadOnlyList<(double Y, string Label)>? guides = null, int xTicks = 5)
        {
            var svg = Open(title);
            YAxis(svg, y.Min, y.Max, yFormat);
            double Px(double v) => Left + ((v - x.Min) / (x.Max - x.Min) * PlotWidth);
            double Py(double v) => Top + PlotHeight - ((v - y.Min) / (y.Max - y.Min) * PlotHeight);
            for (int t = 0; t <= xTicks; t++)
            {
                double v = x.Min + ((x.Max - x.Min) * t / xTicks);
                svg.Append(F($"<text x=\"{Px(v):0.#}\" y=\"{Top + PlotHeight + 16:0.#}\" text-anchor=\"middle\">{E(xFormat(v))}</text>"));
            }

            foreach (var (value, label) in guides ?? Array.Empty<(double, string)>())
            {
                svg.Append(F($"<line x1=\"{Left}\" x2=\"{Left + PlotWidth}\" y1=\"{Py(value):0.#}\" y2=\"{Py(value):0.#}\" stroke=\"#b45309\" stroke-dasharray=\"6 4\"/>"));
                svg.Append(F($"<text x=\"{Left + PlotWidth - 4}\" y=\"{Py(value) - 4:0.#}\" text-anchor=\"end\" fill=\"#b45309\">{E(label)}</text>"));
            }

            foreach (var line in lines)
            {
                var points = new List<string>();
                for (int i = 0; i < line.Points.Count; i++)
                {
                    if (line.Step && i > 0)
                    {
                        points.Add(F($"{Px(line.Points[i].X):0.#},{Py(line.Points[i - 1].Y):0.#}"));
                    }

                    points.Add(F($"{Px(line.Points[i].X):0.#},{Py(line.Points[i].Y):0.#}"));
                }

                svg.Append($"<polyline fill=\"none\" stroke=\"{line.Color}\" stroke-width=\"2\" points=\"{string.Join(" ", points)}\"><title>{E(line.Name)}</title></polyline>");
            }

            Legend(svg, lines.Select(l => (l.Name, l.Color)));
            return Close(svg);
        }

        /// <summary>A grid of cells shaded by a share (0 white to 1 the accent colour), each with its text; a null share is grey.</summary>
        public static string Heatmap(string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, Func<int, int, (double? Share, string Text)> cell, string rowTitle, string columnTitle)
        {
            var svg = Open(title);
            double left = Math.Max(Left, 30 + (rows.Select(r => r.Length).DefaultIfEmpty(0).Max() * 7)), plotWidth = Width - left - Right;
            double cellWidth = plotWidth / Math.Max(1, columns.Count), cellHeight = (PlotHeight - 10) / Math.Max(1, rows.Count);
            svg.Append(F($"<text x=\"{left + (plotWidth / 2):0.#}\" y=\"{Top - 6}\" text-anchor=\"middle\" fill=\"#6b7280\">{E(columnTitle)}</text>"));
            svg.Append(F($"<text x=\"14\" y=\"{Top + (PlotHeight / 2):0.#}\" text-anchor=\"middle\" fill=\"#6b7280\" transform=\"rotate(-90 14 {Top + (PlotHeight / 2):0.#})\">{E(rowTitle)}</text>"));
            for (int c = 0; c < columns.Count; c++)
            {
                svg.Append(F($"<text x=\"{left + (c * cellWidth) + (cellWidth / 2):0.#}\" y=\"{Top + PlotHeight + 6:0.#}\" text-anchor=\"middle\">{E(columns[c])}</text>"));
            }

            for (int r = 0; r < rows.Count; r++)
            {
                double y = Top + (r * cellHeight);
                svg.Append(F($"<text x=\"{left - 6:0.#}\" y=\"{y + (cellHeight / 2) + 4:0.#}\" text-anchor=\"end\">{E(rows[r])}</text>"));
                for (int c = 0; c < columns.Count; c++)
                {
                    var (share, text) = cell(r, c);
                    string fill = share is double v ? Shade(v) : "#f3f4f6";
                    string ink = share is double dark && dark > 0.55 ? "#ffffff" : "#111827";
                    double x = left + (c * cellWidth);
                    svg.Append(F($"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{cellWidth - 2:0.#}\" height=\"{cellHeight - 2:0.#}\" fill=\"{fill}\"><title>{E($"{rows[r]} × {columns[c]}: {text}")}</title></rect>"));
                    svg.Append(F($"<text x=\"{x + (cellWidth / 2):0.#}\" y=\"{y + (cellHeight / 2) + 4:0.#}\" text-anchor=\"middle\" fill=\"{ink}\">{E(text)}</text>"));
                }
            }

            return Close(svg);
        }

        /// <summary>One horizontal bar per stage, widest at the top: a funnel.</summary>
        public static string Funnel(string title, IReadOnlyList<(string Label, double Value)> steps, Func<double, string> format, string color)
        {
            var svg = Open(title);
            double top = Math.Max(1, steps.Select(s => s.Value).DefaultIfEmpty(1).Max());
            double band = PlotHeight / Math.Max(1, steps.Count), labelWidth = 150;
            for (int i = 0; i < steps.Count; i++)
            {
                double width = Math.Max(1, steps[i].Value / top * (Width - labelWidth - Right - 60)), y = Top + (i * band);
                svg.Append(F($"<text x=\"{labelWidth - 6}\" y=\"{y + (band / 2) + 4:0.#}\" text-anchor=\"end\">{E(steps[i].Label)}</text>"));
                svg.Append(F($"<rect x=\"{labelWidth}\" y=\"{y + 3:0.#}\" width=\"{width:0.#}\" height=\"{band - 6:0.#}\" fill=\"{color}\"><title>{E($"{steps[i].Label}: {format(steps[i].Value)}")}</title></rect>"));
                svg.Append(F($"<text x=\"{labelWidth + width + 6:0.#}\" y=\"{y + (band / 2) + 4:0.#}\">{E(format(steps[i].Value))}</text>"));
            }

            return Close(svg);
        }

        /// <summary>A round number at or above the value, for the top of an axis.</summary>
        public static double NiceMax(double value)
        {
            if (value <= 0)
            {
                return 1;
            }

            double step = Math.Pow(10, Math.Floor(Math.Log10(value)));
            foreach (double m in new[] { 1, 2, 2.5, 5, 10 })
            {
                if (m * step >= value)
                {
                    return m * step;
                }
            }

            return 10 * step;
        }

        public static string E(string text) => WebUtility.HtmlEncode(text);

        private static StringBuilder Open(string title) => new StringBuilder()
            .Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{E(title)}\" font-family=\"system-ui, sans-serif\" font-size=\"12\">"))
            .Append($"<title>{E(title)}</title>")
            .Append(F($"<text x=\"{Left}\" y=\"20\" font-size=\"15\" font-weight=\"600\">{E(title)}</text>"));

        private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

        private static void YAxis(StringBuilder svg, double min, double max, Func<double, string> format)
        {
            for (int t = 0; t <= YTicks; t++)
            {
                double v = min + ((max - min) * t / YTicks), py = Top + PlotHeight - (PlotHeight * t / YTicks);
                svg.Append(F($"<line x1=\"{Left}\" x2=\"{Left + PlotWidth}\" y1=\"{py:0.#}\" y2=\"{py:0.#}\" stroke=\"#e5e7eb\"/>"));
                svg.Append(F($"<text x=\"{Left - 6}\" y=\"{py + 4:0.#}\" text-anchor=\"end\">{E(format(v))}</text>"));
            }

            svg.Append(F($"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Top + PlotHeight}\" stroke=\"#6b7280\"/>"));
        }

        private static void Legend(StringBuilder svg, IEnumerable<(string Name, string Color)> entries)
        {
            double x = Left;
            foreach (var (name, color) in entries)
            {
                svg.Append(F($"<rect x=\"{x:0.#}\" y=\"{Height - 18}\" width=\"12\" height=\"12\" fill=\"{color}\"/>"));
                svg.Append(F($"<text x=\"{x + 16:0.#}\" y=\"{Height - 8}\">{E(name)}</text>"));
                x += 28 + (name.Length * 6.5);
            }
        }

        /// <summary>White to the accent blue (#1d4ed8) as the share goes from 0 to 1.</summary>
        private static string Shade(double share)
        {
            double t = Math.Clamp(share, 0, 1);
            int Mix(int to) => (int)Math.Round(255 + ((to - 255) * t));
            return F($"#{Mix(0x1d):x2}{Mix(0x4e):x2}{Mix(0xd8):x2}");
        }

        private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
