/// The dashboard's charting script, served at `/dashboard/chart.js` from the repo (no CDN).
/// Each `<figure class="chart" data-chart="ID">` is drawn as SVG from the JSON in
/// `<script type="application/json" id="ID">`: `{"labels": [...], "stacks": [{"name", "values"}],
/// "lines": [{"name", "values", "axis": "left"|"right"}], "unit": "kWh", "rightUnit": "CF"}`.
/// Every bar and point carries its value in a tooltip; the page's tables carry the same numbers.
enum ChartScript {
    static let source = #"""
        (function () {
          var NS = "http://www.w3.org/2000/svg";
          var palette = ["#1f77b4","#ff7f0e","#2ca02c","#d62728","#9467bd","#8c564b","#e377c2","#7f7f7f","#bcbd22","#17becf",
                         "#aec7e8","#ffbb78","#98df8a","#ff9896","#c5b0d5","#c49c94"];
          function el(name, attrs, parent) {
            var node = document.createElementNS(NS, name);
            for (var key in attrs) node.setAttribute(key, attrs[key]);
            if (parent) parent.appendChild(node);
            return node;
          }
          function text(parent, x, y, value, anchor, size) {
            var t = el("text", {x: x, y: y, "text-anchor": anchor || "middle", "font-size": size || 11, fill: "#333"}, parent);
            t.textContent = value;
            return t;
          }
          function niceMax(value) {
            if (value <= 0) return 1;
            var power = Math.pow(10, Math.floor(Math.log10(value)));
            var steps = [1, 2, 2.5, 5, 10];
            for (var i = 0; i < steps.length; i++) if (steps[i] * power >= value) return steps[i] * power;
            return 10 * power;
          }
          function format(value) {
            if (Math.abs(value) >= 1000) return value.toLocaleString("en-GB", {maximumFractionDigits: 0});
            return value.toLocaleString("en-GB", {maximumFractionDigits: 3});
          }
          function draw(figure) {
            var data = JSON.parse(document.getElementById(figure.getAttribute("data-chart")).textContent);
            var width = 960, height = 360, left = 70, right = data.rightUnit ? 60 : 20, top = 20, bottom = 60;
            var plotW = width - left - right, plotH = height - top - bottom;
            var svg = el("svg", {viewBox: "0 0 " + width + " " + height, width: "100%", role: "img"});
            var n = data.labels.length, stacks = data.stacks || [], lines = data.lines || [];
            var totals = data.labels.map(function (_, i) {
              return stacks.reduce(function (sum, s) { return sum + Math.max(0, s.values[i]); }, 0);
            });
            var leftMax = Math.max.apply(null, totals.concat(lines.filter(function (l) { return l.axis !== "right"; })
              .map(function (l) { return Math.max.apply(null, l.values); })).concat([0]));
            leftMax = niceMax(leftMax);
            var rightValues = [].concat.apply([], lines.filter(function (l) { return l.axis === "right"; }).map(function (l) { return l.values; }));
            var rightMin = rightValues.length ? Math.min.apply(null, rightValues) : 0;
            var rightMax = rightValues.length ? Math.max.apply(null, rightValues) : 1;
            if (rightMax - rightMin < 1e-9) { rightMin -= 0.05; rightMax += 0.05; }
            var pad = (rightMax - rightMin) * 0.1; rightMin -= pad; rightMax += pad;
            function y(value) { return top + plotH - value / leftMax * plotH; }
            function yRight(value) { return top + plotH - (value - rightMin) / (rightMax - rightMin) * plotH; }
            var step = plotW / n, barW = Math.max(1, step * 0.8);
            for (var t = 0; t <= 5; t++) {
              var v = leftMax * t / 5, yy = y(v);
              el("line", {x1: left, x2: left + plotW, y1: yy, y2: yy, stroke: "#e5e5e5"}, svg);
              text(svg, left - 6, yy + 4, format(v), "end");
              if (data.rightUnit) text(svg, left + plotW + 6, yRight(rightMin + (rightMax - rightMin) * t / 5) + 4,
                (rightMin + (rightMax - rightMin) * t / 5).toFixed(3), "start");
            }
            text(svg, 14, top + plotH / 2, data.unit || "", "middle").setAttribute("transform", "rotate(-90 14 " + (top + plotH / 2) + ")");
            if (data.rightUnit) text(svg, width - 10, top + plotH / 2, data.rightUnit, "middle")
              .setAttribute("transform", "rotate(90 " + (width - 10) + " " + (top + plotH / 2) + ")");
            data.labels.forEach(function (label, i) {
              var base = 0, x = left + i * step + (step - barW) / 2;
              stacks.forEach(function (s, k) {
                var value = Math.max(0, s.values[i]);
                if (value <= 0) return;
                var rect = el("rect", {x: x, y: y(base + value), width: barW, height: Math.max(0.5, y(base) - y(base + value)),
                  fill: palette[k % palette.length]}, svg);
                el("title", {}, rect).textContent = s.name + ", " + label + ": " + format(value) + " " + (data.unit || "");
                base += value;
              });
              if (n <= 50 && (i % Math.ceil(n / 24) === 0)) text(svg, left + i * step + step / 2, top + plotH + 14, label);
            });
            lines.forEach(function (l, k) {
              var color = l.color || ["#000000", "#d62728", "#2ca02c"][k % 3];
              var scale = l.axis === "right" ? yRight : y;
              var points = l.values.map(function (v, i) { return (left + i * step + step / 2) + "," + scale(v); }).join(" ");
              el("polyline", {points: points, fill: "none", stroke: color, "stroke-width": 2,
                "stroke-dasharray": l.axis === "right" ? "5,3" : ""}, svg);
              l.values.forEach(function (v, i) {
                var c = el("circle", {cx: left + i * step + step / 2, cy: scale(v), r: 2.5, fill: color}, svg);
                el("title", {}, c).textContent = l.name + ", " + data.labels[i] + ": " + format(v);
              });
            });
            el("line", {x1: left, x2: left + plotW, y1: top + plotH, y2: top + plotH, stroke: "#333"}, svg);
            el("line", {x1: left, x2: left, y1: top, y2: top + plotH, stroke: "#333"}, svg);
            var legend = document.createElement("div");
            legend.className = "legend";
            function item(color, label) {
              var span = document.createElement("span"), swatch = document.createElement("i");
              swatch.style.background = color;
              span.appendChild(swatch);
              span.appendChild(document.createTextNode(label));
              legend.appendChild(span);
            }
            stacks.forEach(function (s, k) { item(palette[k % palette.length], s.name); });
            lines.forEach(function (l, k) {
              item(l.color || ["#000000", "#d62728", "#2ca02c"][k % 3], l.name + (l.axis === "right" ? " (right axis)" : ""));
            });
            figure.appendChild(svg);
            figure.appendChild(legend);
          }
          document.querySelectorAll("figure.chart").forEach(draw);
        })();
        """#
}
