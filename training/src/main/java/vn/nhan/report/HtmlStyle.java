package vn.nhan.report;

/** The inline style sheet of the HTML report. */
final class HtmlStyle {

    static final String CSS = """
            :root { --f1: #2b6cb0; --precision: #dd6b20; --recall: #2f855a; --ink: #1a202c;
                    --muted: #5a6473; --line: #e2e8f0; --bg: #f7fafc; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--ink);
                   font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
            main { max-width: 1080px; margin: 0 auto; padding: 24px 28px 48px; }
            header h1 { margin: 0; font-size: 26px; }
            header .model { color: var(--f1); }
            .sub, .muted { color: var(--muted); }
            section { background: #fff; border: 1px solid var(--line); border-radius: 8px;
                      padding: 16px 20px; margin-top: 18px; }
            h2 { margin: 0 0 12px; font-size: 19px; }
            code { font: 13px ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
                   background: #edf2f7; padding: 1px 4px; border-radius: 3px; }
            .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; }
            .card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
            .card-value { font-size: 26px; font-weight: 700; color: var(--f1); font-variant-numeric: tabular-nums; }
            .card-title { font-weight: 600; }
            .card-help { font-size: 12px; color: var(--muted); }
            table { border-collapse: collapse; width: 100%; }
            th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); }
            th { text-align: left; background: #edf2f7; font-weight: 600; }
            table.numbers td { text-align: right; font-variant-numeric: tabular-nums; }
            table.numbers td.text { text-align: left; }
            table.numbers th { text-align: right; }
            table.numbers th:nth-child(-n+3) { text-align: left; }
            table.kv th { width: 220px; }
            tr.best { background: #ebf8ff; }
            tr.best td.text, td code { white-space: nowrap; }
            .badge { background: var(--f1); color: #fff; font-size: 11px; padding: 1px 6px; border-radius: 9px; }
            ul.weak li { margin-bottom: 4px; }
            svg { display: block; max-width: 100%; height: auto; }
            svg text { font-family: system-ui, "Noto Sans", Arial, sans-serif; fill: var(--ink); }
            svg .f1 { fill: var(--f1); }
            svg .precision { fill: var(--precision); }
            svg .recall { fill: var(--recall); }
            svg .grid { stroke: var(--line); stroke-width: 1; }
            svg .axis { stroke: #a0aec0; stroke-width: 1; }
            svg .plot { fill: #fff; stroke: #a0aec0; }
            svg .name { font-size: 13px; }
            svg .value { font-size: 13px; font-weight: 700; }
            svg .support, svg .small, svg .tick { font-size: 11px; fill: var(--muted); }
            svg .legend { font-size: 12px; }
            svg .note { font-size: 12px; fill: var(--muted); font-style: italic; }
            svg .axis-title { font-size: 12px; fill: var(--muted); }
            svg .curve { fill: none; stroke: var(--f1); stroke-width: 2; stroke-linejoin: round; }
            svg .chosen { fill: #e53e3e; stroke: #fff; stroke-width: 1.5; }
            svg .chosen-label { font-size: 12px; font-weight: 700; fill: #c53030;
                                paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
            .curves { display: grid; grid-template-columns: repeat(3, 1fr); gap: 14px; }
            figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
            figcaption { font-size: 13px; line-height: 1.35; margin-bottom: 4px; min-height: 2.7em; }
            @media (max-width: 800px) { .cards { grid-template-columns: repeat(2, 1fr); }
                                        .curves { grid-template-columns: 1fr; } }
            """;

    private HtmlStyle() {
    }
}
