package io.balance.supervision.publication;

import com.google.common.html.HtmlEscapers;
import java.util.Locale;
import java.util.Map;

/** The announcement as server-rendered HTML: one column, large type, readable at 360–390 px. */
final class PublicHtml {
    private static final Map<String, String> VERDICT = Map.of("PASS", "达标", "FAIL", "未达标", "INCOMPLETE", "资料不全");
    private static final Map<String, String> STAGE = Map.of("PRIMARY", "小学", "JUNIOR", "初中");
    private static final Map<String, String> OUTCOME = Map.of("PUBLICATION", "公示中", "RECOGNISED", "通过认定",
            "NOT_RECOGNISED", "未通过认定", "PROVINCE_EVALUATION", "省级重新评估中");

    private PublicHtml() {
    }

    static String announcement(PublicationView v, String error) {
        StringBuilder b = head("县域义务教育优质均衡发展督导评估公示 · " + v.countyCode() + " · " + v.year());
        b.append("<h1>县域义务教育均衡发展督导评估公示</h1>");
        b.append("<p class=sub>县（区）代码 ").append(esc(v.countyCode())).append(" · ").append(v.year()).append(" 年度 · ")
                .append(esc(OUTCOME.getOrDefault(v.stage().name(), v.stage().name()))).append("</p>");
        b.append("<section class=verdict><div>评估结论</div><strong>")
                .append(esc(VERDICT.getOrDefault(String.valueOf(v.verdict()), String.valueOf(v.verdict()))))
                .append("</strong><div class=small>依据 ").append(esc(v.ruleSet())).append("</div></section>");
        for (PublicationView.StageFigures s : v.stages()) {
            b.append("<h2>").append(esc(STAGE.getOrDefault(s.stage(), s.stage()))).append("：资源配置指标与差异系数</h2>");
            b.append("<table><thead><tr><th>指标</th><th>全县值</th><th>差异系数</th><th>限值</th><th>结果</th></tr></thead><tbody>");
            for (PublicationView.IndicatorFigure i : s.indicators()) {
                b.append("<tr><td>").append(esc(i.name() == null ? i.id() : i.name())).append("</td><td>")
                        .append(num(i.countyValue(), 2)).append("</td><td>").append(num(i.cv(), 4)).append("</td><td>")
                        .append(num(i.cvLimit(), 2)).append("</td><td>")
                        .append(i.pass() == null ? "—" : i.pass() ? "✓ 达标" : "✗ 未达标").append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("<h2>社会认可度</h2><p class=big>").append(v.recognitionRate() == null ? "—"
                : String.format(Locale.ROOT, "%.2f%%", v.recognitionRate() * 100)).append("</p>");
        b.append("<h2>问题整改</h2><p>发现问题 <strong>").append(v.problems().found()).append("</strong> 项，已销号 <strong>")
                .append(v.problems().verified()).append("</strong> 项。</p>");
        b.append("<h2>公示期与异议</h2><p>公示期至 <strong>").append(v.windowCloses()).append("</strong>（")
                .append(v.windowOpen() ? "正在受理异议" : "已结束").append("）。已收到异议 ")
                .append(v.objections().pending() + v.objections().upheld() + v.objections().dismissed()).append(" 条。</p>");
        if (v.windowOpen()) {
            b.append("<form method=post action=\"/p/").append(esc(v.countyCode())).append('/').append(v.year())
                    .append("/objections\">");
            if (error != null) {
                b.append("<p class=error role=alert>").append(esc(error)).append("</p>");
            }
            b.append("<label for=text>异议内容（必填）</label><textarea id=text name=text required maxlength=2000 rows=5></textarea>")
                    .append("<label for=contact>联系方式（选填）</label><input id=contact name=contact maxlength=100>")
                    .append("<button type=submit>提交异议</button></form>");
        }
        b.append("<p class=small>数据为评估认定时冻结的结果（快照 v").append(v.snapshotVersion()).append("，SHA-256 ")
                .append(esc(v.snapshotDigest().substring(0, 16))).append("…）。</p>");
        return b.append("</main></body></html>").toString();
    }

    static String message(String title, String text) {
        return head(title).append("<h1>").append(esc(title)).append("</h1><p>").append(esc(text))
                .append("</p></main></body></html>").toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(4096).append("<!doctype html><html lang=zh-CN><head><meta charset=utf-8>")
                .append("<meta name=viewport content=\"width=device-width, initial-scale=1\"><title>").append(esc(title))
                .append("</title><style>body{margin:0;font:16px/1.6 system-ui,sans-serif;color:#1f2328;background:#f6f8fa}")
                .append("main{max-width:760px;margin:0 auto;padding:16px;background:#fff}h1{font-size:1.35em;margin:.2em 0}")
                .append("h2{font-size:1.1em;margin:1.2em 0 .4em;border-left:4px solid #c8102e;padding-left:8px}")
                .append(".sub,.small{color:#57606a;font-size:.9em}.verdict{background:#fff5f5;border:1px solid #f0c0c0;")
                .append("padding:12px;border-radius:6px;text-align:center}.verdict strong{font-size:2em;color:#c8102e}")
                .append(".big{font-size:1.6em;font-weight:600}table{width:100%;border-collapse:collapse;font-size:.9em}")
                .append("th,td{border-bottom:1px solid #d0d7de;padding:6px 4px;text-align:left}")
                .append("label{display:block;margin-top:10px;font-weight:600}textarea,input{width:100%;box-sizing:border-box;")
                .append("font:inherit;padding:8px}button{margin-top:12px;width:100%;padding:12px;font:inherit;background:#c8102e;")
                .append("color:#fff;border:0;border-radius:6px}.error{color:#c8102e}</style></head><body><main>");
    }

    private static String num(Double v, int decimals) {
        return v == null ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** HTML-escaped text ({@code < > & " '}), empty for null: Guava's escaper, not a hand-written one. */
    static String esc(String s) {
        return s == null ? "" : HtmlEscapers.htmlEscaper().escape(s);
    }
}
