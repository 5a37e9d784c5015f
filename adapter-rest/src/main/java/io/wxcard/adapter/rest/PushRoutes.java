package io.wxcard.adapter.rest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.swagger.v3.oas.models.Operation;
import io.wxcard.application.port.in.AcceptWechatPushUseCase;
import io.wxcard.application.port.in.AcceptWechatPushUseCase.PushOutcome;
import io.wxcard.application.port.out.wechat.push.PushRejection;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

/**
 * {@code /wechat/{tenant}/events}: what WeChat pushes (and its configuration handshake), passed untouched to the use
 * case, which verifies it. WeChat waits 5 seconds and then retries, so the work runs on its own threads and the
 * answer goes back after {@code timeout} whatever happens: a push not handled by then is answered 503, and WeChat's
 * retry finds it handled (the use case de-duplicates) or handles it then. The work runs as Javalin's async task on
 * the executor bootstrap hands over. No API key: WeChat signs these.
 */
final class PushRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(PushRoutes.class);
    private static final String TAG = "wechat";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String PATH = "/wechat/{tenant}/events";

    private final AcceptWechatPushUseCase useCase;
    private final ExecutorService workers;
    private final Duration timeout;

    PushRoutes(AcceptWechatPushUseCase useCase, ExecutorService workers, Duration timeout) {
        this.useCase = useCase;
        this.workers = workers;
        this.timeout = timeout;
    }

    void register(Javalin app, ApiDocs docs) {
        app.get(PATH, this::accept, Access.PUBLIC);
        document(docs.operation(GET, PATH, "verifyWechatEndpoint",
                "WeChat's configuration handshake: answers echostr when the signature holds", TAG, 401, 403, 404, 413, 503), docs);
        app.post(PATH, this::accept, Access.PUBLIC);
        document(docs.operation(POST, PATH, "acceptWechatPush",
                        "A WeChat push (XML, plain or safe mode): answers success once handled", TAG, 401, 403, 404, 413, 503)
                .requestBody(docs.body(String.class, false, "text/xml")), docs);
    }

    private void document(Operation operation, ApiDocs docs) {
        operation.description("Answers text/plain: echostr for the handshake, success when handled, the refusal's "
                        + "reason (401 bad signature or stale timestamp, 403 otherwise), 404 for an unknown tenant, "
                        + "503 when it could not be handled now or within " + timeout.toMillis() + " ms (WeChat "
                        + "retries).")
                .getResponses().addApiResponse("200", docs.answer("Handled", String.class, TEXT));
        for (String name : List.of("signature", "timestamp", "nonce", "echostr", "encrypt_type", "msg_signature", "openid")) {
            operation.addParametersItem(ApiDocs.query(name, "Set by WeChat."));
        }
    }

    private void accept(Context ctx) {
        TenantId tenantId;
        try {
            tenantId = new TenantId(ctx.pathParam("tenant"));
        } catch (IllegalArgumentException notAnId) {
            text(ctx, 404, "unknown tenant");
            return;
        }
        byte[] body;
        try {
            body = ctx.bodyAsBytes(); // within Javalin's maxRequestSize
        } catch (HttpResponseException tooLarge) {
            text(ctx, 413, PushRejection.Reason.TOO_LARGE.name());
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
        PushRequest request = new PushRequest(ctx.method().name(), query, body);
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        ctx.async(async -> {
            async.executor = workers;
            async.timeout = timeout.toMillis();
            async.onTimeout(late -> {
                LOG.warn("push for tenant {} not handled within {} ms; answered 503 so that WeChat retries", tenantId,
                        timeout.toMillis());
                text(late, 503, "busy");
            });
        }, () -> {
            if (logContext != null) {
                MDC.setContextMap(logContext); // the request id reaches the use case's log lines
            }
            try {
                answer(ctx, tenantId, useCase.accept(tenantId, request));
            } catch (RuntimeException failed) {
                LOG.error("push for tenant {} failed", tenantId, failed);
                text(ctx, 500, "error");
            } finally {
                MDC.clear();
            }
        });
    }

    private static void answer(Context ctx, TenantId tenantId, PushOutcome outcome) {
        if (outcome instanceof PushOutcome.Echo echo) {
            text(ctx, 200, echo.echostr());
        } else if (outcome instanceof PushOutcome.Accepted accepted) {
            LOG.debug("push for tenant {}: {}", tenantId, accepted.account());
            text(ctx, 200, "success");
        } else if (outcome instanceof PushOutcome.Refused refused) {
            PushRejection rejection = refused.rejection();
            LOG.debug("push for tenant {} refused: {} ({})", tenantId, rejection.reason(), rejection.detail());
            int status = switch (rejection.reason()) {
                case BAD_SIGNATURE, STALE_TIMESTAMP -> 401;
                case TOO_LARGE -> 413;
                default -> 403;
            };
            text(ctx, status, rejection.reason().name());
        } else if (outcome instanceof PushOutcome.UnknownTenant) {
            text(ctx, 404, "unknown tenant");
        } else if (outcome instanceof PushOutcome.RetryLater later) {
            LOG.warn("push for tenant {} not handled now ({}); answered 503 so that WeChat retries", tenantId,
                    later.reason());
            text(ctx, 503, "retry later");
        } else {
            throw new IllegalStateException("unknown push outcome " + outcome);
        }
    }

    private static void text(Context ctx, int status, String text) {
        ctx.status(status).contentType(TEXT).result(text);
    }
}
