package io.wxcard.adapter.wechat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The tests that run the whole product against a sandbox of their class's own (see {@link ProductOverSandbox}). */
abstract class ProductOverSandboxTest {

    static SandboxFixture sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxFixture.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }
}
