package io.balance.survey.response;

import io.balance.kit.problem.ProblemException;
import io.balance.survey.questionnaire.Item;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The phone page a QR code leads to: server-rendered Chinese HTML, inline CSS, no script, a few KB, large
 * touch targets, readable at 360 px. The form posts back here, so it works on any browser. Each rendering carries
 * a fresh submission id in a hidden field, so a double tap or a resent form is a retry of that page load; a used
 * code shows only that it was used.
 */
@Path("/s/{code}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@Tag(name = "public questionnaire")
public class PublicPage {
    @Inject
    ResponseService service;

    @GET
    @Operation(operationId = "showQuestionnairePage", summary = "the phone page of an invitation (HTML, no login)")
    public Response show(@PathParam("code") String code, @Context HttpServerRequest request) {
        try {
            service.throttle(PublicResource.address(request));
            ResponseService.View view = service.open(code);
            return switch (view.outcome()) {
                case OPEN -> page(200, view.survey().standard().surveyTitle + " · " + view.form().title,
                        form(code, ResponseService.newSubmissionId(), view, Map.of(), Map.of()));
                case ANSWERED -> used();
                case NOT_YET_OPEN -> message(409, "调查尚未开始", "本次调查还没有开始，请在开始后再扫码填写。");
                case CLOSED -> message(410, "调查已结束", "本次调查已经结束，不再接受填写。感谢您的关注！");
            };
        } catch (ProblemException e) {
            return error(e);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "submitQuestionnairePage", summary = "the phone page's form (HTML, no login)")
    public Response submit(@PathParam("code") String code, MultivaluedMap<String, String> form,
            @Context HttpServerRequest request) {
        String address = PublicResource.address(request);
        Map<String, String> answers = new HashMap<>();
        String submissionId = form == null ? null : form.getFirst("submissionId");
        if (form != null) {
            form.forEach((k, v) -> {
                if (k.startsWith("q_") && v != null && !v.isEmpty()) {
                    answers.put(k.substring(2), v.get(0));
                }
            });
        }
        try {
            service.throttle(address);
            service.submit(code, submissionId, answers, address);
            return message(200, "提交成功", "谢谢您的参与！您的回答已匿名保存。");
        } catch (ProblemException e) {
            if (e.status() == 400) {
                try {
                    ResponseService.View view = service.open(code);
                    Map<String, String> problems = new HashMap<>();
                    e.errors().stream().filter(f -> f.field().startsWith("answers."))
                            .forEach(f -> problems.put(f.field().substring("answers.".length()), "请选择一个答案"));
                    // nothing was stored: the same page load goes on (a lost or bad id gets a fresh one)
                    String id = submissionId != null && ResponseService.validSubmissionId(submissionId) ? submissionId
                            : ResponseService.newSubmissionId();
                    return page(400, view.form().title, form(code, id, view, answers, problems));
                } catch (ProblemException again) {
                    return error(again);
                }
            }
            return error(e);
        }
    }

    private static Response error(ProblemException e) {
        return switch (e.status()) {
            case 404 -> message(404, "邀请码无效", "没有找到这个邀请码。请检查链接是否完整，或重新扫描纸条上的二维码。");
            case 409 -> "already-answered".equals(e.type())
                    ? used()
                    : "survey-closed".equals(e.type())
                            ? message(410, "调查已结束", "本次调查已经结束，不再接受填写。")
                            : message(409, "调查尚未开始", "本次调查还没有开始，请在开始后再扫码填写。");
            case 429 -> message(429, "请稍后再试", "您所在网络的访问过于频繁，请稍等一分钟后再试。");
            default -> message(e.status(), "出错了", "请稍后再试。");
        };
    }

    /** A used code: that it was used, nothing more (not when, not what). */
    private static Response used() {
        return message(409, "邀请码已使用", "这个邀请码已经使用过，每个邀请码只能使用一次。");
    }

    private static String form(String code, String submissionId, ResponseService.View view,
            Map<String, String> chosen, Map<String, String> problems) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<p class=i>本问卷匿名填写，不收集姓名、电话或身份证号。请根据您的了解，对每一项选择一个答案。</p>");
        if (!problems.isEmpty()) {
            sb.append("<p class=e role=alert>还有 ").append(problems.size()).append(" 题未作答，请补充后再提交。</p>");
        }
        sb.append("<form method=post action=\"/s/").append(esc(code)).append("\">")
                .append("<input type=hidden name=submissionId value=\"").append(esc(submissionId)).append("\">");
        List<Item> items = view.items();
        int n = 1;
        for (Item item : items) {
            String name = "q_" + item.id();
            boolean bad = problems.containsKey(item.id());
            sb.append("<fieldset").append(bad ? " class=x" : "").append("><legend>").append(n++).append(". ")
                    .append(esc(item.text())).append("</legend>");
            for (Answer a : Answer.values()) {
                String id = esc(item.id()) + "_" + a.name();
                sb.append("<label for=\"").append(id).append("\"><input type=radio required id=\"").append(id)
                        .append("\" name=\"").append(esc(name)).append("\" value=").append(a.name())
                        .append(a.name().equals(chosen.get(item.id())) ? " checked" : "").append('>')
                        .append(view.survey().standard().label(a)).append("</label>");
            }
            sb.append("</fieldset>");
        }
        sb.append("<button type=submit id=submit>提交问卷</button></form>");
        return sb.toString();
    }

    private static Response message(int status, String title, String text) {
        return page(status, title, "<p class=m>" + esc(text) + "</p>");
    }

    private static Response page(int status, String title, String body) {
        String html = "<!doctype html><html lang=zh-CN><head><meta charset=utf-8>"
                + "<meta name=viewport content=\"width=device-width,initial-scale=1\">"
                + "<meta name=robots content=noindex><title>" + esc(title) + "</title><style>"
                + "body{margin:0;font:17px/1.5 system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;"
                + "background:#f4f6f8;color:#1b1f23}main{max-width:640px;margin:0 auto;padding:12px}"
                + "h1{font-size:21px;margin:8px 0 12px}.i{color:#555;font-size:15px}"
                + ".m{background:#fff;border-radius:10px;padding:20px;font-size:18px}"
                + ".e{background:#fdecea;color:#a4161a;padding:10px;border-radius:8px}"
                + "fieldset{background:#fff;border:0;border-radius:10px;margin:0 0 12px;padding:12px}"
                + "fieldset.x{outline:2px solid #d33}legend{float:left;width:100%;padding:0 0 8px;font-weight:600}"
                + "label{display:flex;align-items:center;min-height:48px;margin:6px 0;padding:0 12px;"
                + "border:1px solid #ccd3da;border-radius:8px;box-sizing:border-box}"
                + "input{width:22px;height:22px;margin:0 12px 0 0}label:has(input:checked){background:#e6f0ff;"
                + "border-color:#2f6fde}button{width:100%;min-height:52px;font-size:18px;border:0;border-radius:10px;"
                + "background:#2f6fde;color:#fff;margin:8px 0 24px}</style></head><body><main><h1>"
                + esc(title) + "</h1>" + body + "</main></body></html>";
        return Response.status(status).entity(html).type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .header("Cache-Control", "no-store").header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
                .header("Referrer-Policy", "no-referrer").build();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
