"""Small PNG charts drawn with gnuplot (Debian's gnuplot-nox: scripts/install-tools gnuplot), for
the benchmark's and the fault runs' plots (bench/plot.py, scripts/fault_plot.py).

  timeline(png, title, xlabel, panels, windows=())
      panels stacked over one x axis (seconds); each panel is Panel(ylabel, [(label, [(x, y), ...])]);
      windows are (start, end, label) spans shaded behind every panel (a fault, a scenario)
  bars(png, title, names, panels)
      one group of bars per name; each panel is Panel(ylabel, [(label, [value per name])])
"""
import os
import subprocess
import tempfile
from dataclasses import dataclass, field

WIDTH, PANEL_HEIGHT = 900, 260
SHADES = ["#f2d7d5", "#fdebd0"]
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf", "#7f7f7f"]


@dataclass
class Panel:
    ylabel: str
    series: list
    logscale: bool = False
    options: list = field(default_factory=list)


def _quote(text):
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _run(png, script):
    with tempfile.NamedTemporaryFile("w", suffix=".gp", delete=False) as f:
        f.write(script)
    try:
        subprocess.run(["gnuplot", f.name], check=True)
    finally:
        os.unlink(f.name)
    return png


def _header(png, title, panels):
    height = PANEL_HEIGHT * len(panels) + 40
    return [f"set terminal pngcairo size {WIDTH},{height} font 'sans,9'",
            f"set output {_quote(png)}",
            "set grid ytics lc rgb '#dddddd'",
            "set key above font 'sans,8'",
            "set lmargin 10", "set rmargin 4",
            f"set multiplot layout {len(panels)},1 title {_quote(title)} font 'sans,11'"]


def _data_file(folder, name, rows):
    path = os.path.join(folder, name)
    with open(path, "w") as f:
        for row in rows:
            f.write(" ".join(str(v) for v in row) + "\n")
    return path


def timeline(png, title, xlabel, panels, windows=()):
    with tempfile.TemporaryDirectory() as folder:
        lines = _header(png, title, panels)
        for i, (start, end, label) in enumerate(windows):
            lines.append(f"set object {i + 1} rect from {start}, graph 0 to {end}, graph 1 "
                         f"fc rgb '{SHADES[i % len(SHADES)]}' fs solid 0.6 noborder behind")
            lines.append(f"set label {i + 1} {_quote(label)} at {start}, graph 0.97 right rotate by 90 "
                         f"offset 1.2,0 font 'sans,7' front")
        for p, panel in enumerate(panels):
            lines.append("set logscale y" if panel.logscale else "unset logscale y")
            lines.append("set yrange [*:*]" if panel.logscale else "set yrange [0:*]")
            lines.append(f"set ylabel {_quote(panel.ylabel)}")
            lines.append(f"set xlabel {_quote(xlabel)}" if p == len(panels) - 1 else "unset xlabel")
            lines += panel.options
            plots = []
            for s, (label, points) in enumerate(panel.series):
                if not points:
                    continue
                path = _data_file(folder, f"p{p}s{s}.dat", sorted(points))
                plots.append(f"{_quote(path)} using 1:2 with lines lw 1.5 lc rgb '{COLOURS[s % len(COLOURS)]}' "
                             f"title {_quote(label)}")
            lines.append("plot " + ", ".join(plots) if plots else "plot NaN notitle")
            if p == 0:
                lines.append("unset label")
        lines.append("unset multiplot")
        return _run(png, "\n".join(lines) + "\n")


def bars(png, title, names, panels):
    with tempfile.TemporaryDirectory() as folder:
        lines = _header(png, title, panels)
        lines += ["set style data histograms", "set style histogram clustered gap 1",
                  "set style fill solid 0.85 noborder", "set boxwidth 0.9",
                  "set xtics rotate by -25 left nomirror font 'sans,8'", "set bmargin 7"]
        for p, panel in enumerate(panels):
            lines.append("set logscale y" if panel.logscale else "unset logscale y")
            lines.append("set yrange [*:*]" if panel.logscale else "set yrange [0:*]")
            lines.append(f"set ylabel {_quote(panel.ylabel)}")
            lines += panel.options
            rows = [[_quote(name)] + [("NaN" if s[1][i] is None else s[1][i]) for s in panel.series]
                    for i, name in enumerate(names)]
            path = _data_file(folder, f"b{p}.dat", rows)
            plots = [f"{_quote(path)} using {s + 2}:xtic(1) lc rgb '{COLOURS[s % len(COLOURS)]}' title {_quote(label)}"
                     for s, (label, _) in enumerate(panel.series)]
            lines.append("plot " + ", ".join(plots))
        lines.append("unset multiplot")
        return _run(png, "\n".join(lines) + "\n")
