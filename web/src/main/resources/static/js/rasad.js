// Rasad's pages: the charts drawn from the figures the page carries, and the live parts refreshed in place.
// No inline script anywhere (the pages' Content-Security-Policy forbids it), so everything starts here.
(function () {
  "use strict";

  const language = document.documentElement.lang || "fa";
  const digits = new Intl.NumberFormat(language === "fa" ? "fa-IR" : "en-GB");

  function drawCharts(root) {
    if (typeof echarts === "undefined") {
      return;
    }
    root.querySelectorAll(".chart[data-chart]").forEach(function (element) {
      const data = JSON.parse(element.dataset.chart);
      const rightToLeft = document.documentElement.dir === "rtl";
      const existing = echarts.getInstanceByDom(element);
      if (existing) {
        existing.dispose();
      }
      const chart = echarts.init(element, null, { renderer: "svg" });
      // A funnel reads best as horizontal bars, first stage on top; months as a line along the year.
      // In Persian the value axis grows from the right and the names sit on the right. The chart box itself is
      // dir="ltr": ECharts places SVG text as if left to right, and Persian labels still read right to left.
      const horizontal = data.kind === "bar";
      const categories = {
        type: "category",
        data: data.labels,
        inverse: horizontal || rightToLeft,
        position: horizontal ? (rightToLeft ? "right" : "left") : "bottom",
        axisLabel: horizontal
          ? { interval: 0, width: 150, overflow: "break", lineHeight: 15 }
          : { interval: 0, rotate: data.labels.length > 6 ? 30 : 0 }
      };
      const values = {
        type: "value",
        inverse: horizontal && rightToLeft,
        position: horizontal ? "bottom" : (rightToLeft ? "right" : "left"),
        axisLabel: { formatter: function (value) { return digits.format(value); } }
      };
      chart.setOption({
        animation: false,
        textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
        tooltip: { trigger: "axis", valueFormatter: function (value) { return digits.format(value); } },
        legend: {
          show: data.series.length > 1,
          top: 0,
          itemGap: 24,
          align: rightToLeft ? "right" : "left",
          right: rightToLeft ? 8 : "auto",
          left: rightToLeft ? "auto" : 8
        },
        grid: { containLabel: true, left: 24, right: 24, top: data.series.length > 1 ? 40 : 8, bottom: 8 },
        xAxis: horizontal ? values : categories,
        yAxis: horizontal ? categories : values,
        series: data.series.map(function (series) {
          return { name: series.name, type: data.kind, data: series.values, label: { show: horizontal, position: rightToLeft ? "insideLeft" : "insideRight", color: "#fff", formatter: function (p) { return digits.format(p.value); } } };
        })
      });
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  // A live part is not refreshed while the person is working in it: ticking alerts, typing a note or a reason.
  // data-keep-while-busy names a form (its fields may sit elsewhere, with form="…") or any element holding forms.
  function busy(target) {
    const holder = document.getElementById(target.dataset.keepWhileBusy || "");
    if (!holder) {
      return false;
    }
    const fields = Array.from(holder.querySelectorAll("input, textarea, select"));
    if (holder.id) {
      fields.push(...document.querySelectorAll("[form='" + holder.id + "']"));
    }
    return fields.some(function (field) {
      if (field.type === "checkbox" || field.type === "radio") {
        return field.checked;
      }
      return field.type !== "hidden" && field.type !== "submit" && field.value !== "";
    }) || holder.contains(document.activeElement);
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    const live = event.detail.elt;
    if (live.dataset && live.dataset.keepWhileBusy && busy(live)) {
      event.preventDefault();
    }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    drawCharts(event.detail.elt.parentNode || document);
  });
  // drawn once the page's font is in: ECharts measures its labels when it lays the chart out
  document.addEventListener("DOMContentLoaded", function () {
    document.fonts.ready.then(function () { drawCharts(document); });
  });
})();
