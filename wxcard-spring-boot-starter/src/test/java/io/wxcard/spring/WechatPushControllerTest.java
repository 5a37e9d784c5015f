package io.wxcard.spring;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.wxcard.application.testing.InMemoryApplication;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The push endpoint's own answers, on the real push use case (the in-memory application): what it refuses before
 * the use case sees anything, and what it answers for the use case's outcomes. Genuine pushes from the WeChat
 * sandbox, in safe mode, go through it in the Spring Boot example's lifecycle test.
 */
class WechatPushControllerTest {

    private final InMemoryApplication application = new InMemoryApplication();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(
            new WechatPushController(application.app.acceptWechatPush(), workers, Duration.ofSeconds(4))).build();

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void answers_404_for_a_tenant_it_does_not_know() throws Exception {
        MvcResult started = mvc.perform(post("/wechat/nobody/events?signature=x&timestamp=1&nonce=2")
                .contentType("text/xml").content("<xml/>")).andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isNotFound()).andExpect(content().string("unknown tenant"));
    }

    @Test
    void answers_404_for_a_tenant_id_no_tenant_can_have() throws Exception {
        MvcResult started = mvc.perform(post("/wechat/not an id!/events").contentType("text/xml").content("<xml/>"))
                .andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isNotFound());
    }

    @Test
    void refuses_a_body_larger_than_any_push_unread() throws Exception {
        byte[] huge = new byte[WechatPushController.MAX_PUSH_BYTES + 1];
        MvcResult started = mvc.perform(post("/wechat/teahouse/events").contentType("text/xml").content(huge))
                .andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isPayloadTooLarge()).andExpect(content().string("TOO_LARGE"));
    }
}
