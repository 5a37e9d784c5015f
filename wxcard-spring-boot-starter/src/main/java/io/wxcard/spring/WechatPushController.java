package io.wxcard.spring;

import io.wxcard.application.port.in.AcceptWechatPushUseCase;
import io.wxcard.application.port.in.AcceptWechatPushUseCase.PushOutcome;
import io.wxcard.application.port.out.wechat.push.PushRejection;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.domain.tenant.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat's pushes and its configuration handshake at {@code wxcard.push.path}, handed untouched to
 * {@link AcceptWechatPushUseCase}, which verifies them. WeChat waits 5 seconds and then retries, so the work runs on
 * its own threads (Spring MVC's asynchronous answer frees the server's thread) and the answer goes back after
 * {@code wxcard.push.timeout} whatever happens: 503 then, and WeChat's retry finds the push handled (the use case
 * de-duplicates) or handles it. The same answers as the standalone service's {@code PushRoutes}.
 */
@RestController
public class WechatPushController {

    private static final Logger LOG = LoggerFactory.getLogger(WechatPushController.class);
    /** WeChat's pushes are small XML documents; anything larger is refused unread. */
    static final int MAX_PUSH_BYTES = 64 * 1024;
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8);

    private final AcceptWechatPushUseCase useCase;
    private final ExecutorService workers;
    private final Duration timeout;

    public WechatPushController(AcceptWechatPushUseCase useCase, ExecutorService workers, Duration timeout) {
        this.useCase = useCase;
        this.workers = workers;
        this.timeout = timeout;
    }

    @RequestMapping(path = "${wxcard.push.path:/wechat/{tenant}/events}", method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.TEXT_PLAIN_VALUE)
    public CompletableFuture<ResponseEntity<String>> accept(@PathVariable("tenant") String tenant,
                                                            @RequestParam Map<String, String> query,
                                                            HttpServletRequest request) throws IOException {
        TenantId tenantId;
        try {
            tenantId = new TenantId(tenant);
        } catch (IllegalArgumentException notAnId) {
            return CompletableFuture.completedFuture(text(404, "unknown tenant"));
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_PUSH_BYTES + 1);
        }
        if (body.length > MAX_PUSH_BYTES) {
            return CompletableFuture.completedFuture(text(413, PushRejection.Reason.TOO_LARGE.name()));
        }
        PushRequest push = new PushRequest(request.getMethod(), new LinkedHashMap<>(query), body);
        try {
            return CompletableFuture.supplyAsync(() -> answer(tenantId, useCase.accept(tenantId, push)), workers)
                    .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(failed -> {
                        LOG.error("push for tenant {} failed", tenantId, failed);
                        return text(500, "error");
                    })
                    .thenApply(answer -> answer != null ? answer : slow(tenantId));
        } catch (RejectedExecutionException busy) {
            LOG.warn("push for tenant {} refused: every push worker is busy", tenantId);
            return CompletableFuture.completedFuture(text(503, "busy"));
        }
    }

    private ResponseEntity<String> slow(TenantId tenantId) {
        LOG.warn("push for tenant {} not handled within {} ms; answered 503 so that WeChat retries", tenantId,
                timeout.toMillis());
        return text(503, "busy");
    }

    private static ResponseEntity<String> answer(TenantId tenantId, PushOutcome outcome) {
        if (outcome instanceof PushOutcome.Echo echo) {
            return text(200, echo.echostr());
        } else if (outcome instanceof PushOutcome.Accepted) {
            return text(200, "success");
        } else if (outcome instanceof PushOutcome.Refused refused) {
            PushRejection rejection = refused.rejection();
            LOG.debug("push for tenant {} refused: {}", tenantId, rejection.reason());
            int status = switch (rejection.reason()) {
                case BAD_SIGNATURE, STALE_TIMESTAMP -> 401;
                case TOO_LARGE -> 413;
                default -> 403;
            };
            return text(status, rejection.reason().name());
        } else if (outcome instanceof PushOutcome.UnknownTenant) {
            return text(404, "unknown tenant");
        } else if (outcome instanceof PushOutcome.RetryLater later) {
            LOG.warn("push for tenant {} not handled now ({}); answered 503 so that WeChat retries", tenantId,
                    later.reason());
            return text(503, "retry later");
        }
        throw new IllegalStateException("unknown push outcome " + outcome);
    }

    private static ResponseEntity<String> text(int status, String text) {
        return ResponseEntity.status(status).contentType(TEXT).body(text);
    }
}
