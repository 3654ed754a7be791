declare module 'parse-prometheus-text-format' {
  namespace parsePrometheusTextFormat {
    /** One sample: counters, gauges and untyped series carry `value`. */
    interface Sample {
      readonly value?: string;
      readonly labels?: Readonly<Record<string, string>>;
    }
    interface MetricFamily {
      readonly name: string;
      readonly help: string;
      readonly type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
      readonly metrics: readonly Sample[];
    }
  }
  function parsePrometheusTextFormat(text: string): parsePrometheusTextFormat.MetricFamily[];
  export = parsePrometheusTextFormat;
}
