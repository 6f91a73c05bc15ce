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
      chart.setOption({
        animation: false,
        textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
        tooltip: { trigger: "axis", valueFormatter: function (value) { return digits.format(value); } },
        legend: { show: data.series.length > 1, right: rightToLeft ? 0 : "auto", left: rightToLeft ? "auto" : 0 },
        grid: { containLabel: true, left: 8, right: 8, top: data.series.length > 1 ? 32 : 8, bottom: 8 },
        xAxis: { type: "category", data: data.labels, inverse: rightToLeft, axisLabel: { interval: 0, rotate: data.labels.length > 6 ? 30 : 0 } },
        yAxis: { type: "value", position: rightToLeft ? "right" : "left", axisLabel: { formatter: function (value) { return digits.format(value); } } },
        series: data.series.map(function (series) {
          return { name: series.name, type: data.kind, data: series.values };
        })
      });
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  // A live part is not refreshed while the person is working in it: ticking alerts, typing a note.
  function busy(target) {
    const form = document.getElementById(target.dataset.keepWhileBusy || "");
    if (!form) {
      return false;
    }
    const ticked = document.querySelectorAll("input[form='" + form.id + "']:checked").length > 0;
    const typing = Array.from(form.elements).some(function (field) {
      return (field.type === "text" || field.tagName === "TEXTAREA" || field.tagName === "SELECT") && field.type !== "hidden" && field.value !== "";
    });
    return ticked || typing || form.contains(document.activeElement);
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
  document.addEventListener("DOMContentLoaded", function () {
    drawCharts(document);
  });
})();
