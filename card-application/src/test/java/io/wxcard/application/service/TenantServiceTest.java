package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageTenantsUseCase.AddTenantCommand;
import io.wxcard.application.port.in.ManageTenantsUseCase.IssuedKey;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.PushMode;
import io.wxcard.domain.tenant.Secret;
import org.junit.jupiter.api.Test;

class TenantServiceTest {

    private final Harness h = new Harness();

    private AddTenantCommand command(String appId) {
        return new AddTenantCommand(Option.none(), "Noodle Bar", new AppId(appId), Secret.of("appsecret-value"),
                Secret.of("push-token"), Option.none(), PushMode.PLAIN, Option.none(), Option.none());
    }

    @Test
    void a_new_tenant_gets_an_api_key_that_is_stored_only_as_a_hash() {
        IssuedKey issued = ok(h.app.manageTenants().add(command("wxnoodle")));

        assertThat(issued.apiKey().reveal()).startsWith("wxk_").hasSizeGreaterThan(40);
        assertThat(issued.tenant().apiKeyHash()).doesNotContain(issued.apiKey().reveal());
        assertThat(h.app.authenticateApiKey().authenticate(issued.apiKey().reveal()).map(t -> t.id()))
                .contains(issued.tenant().id());
        assertThat(h.app.authenticateApiKey().authenticate("wxk_wrong")).isEmpty();
        assertThat(h.app.authenticateApiKey().authenticate(null)).isEmpty();
    }

    @Test
    void rotating_the_key_stops_the_old_one_at_once() {
        IssuedKey issued = ok(h.app.manageTenants().add(command("wxnoodle")));
        assertThat(h.app.authenticateApiKey().authenticate(issued.apiKey().reveal()).isDefined()).as("remembered now").isTrue();

        IssuedKey rotated = ok(h.app.manageTenants().rotateKey(issued.tenant().id(), Option.none()));

        assertThat(h.app.authenticateApiKey().authenticate(issued.apiKey().reveal())).isEmpty();
        assertThat(h.app.authenticateApiKey().authenticate(rotated.apiKey().reveal()).isDefined()).isTrue();
    }

    @Test
    void an_appid_belongs_to_one_tenant_only() {
        ok(h.app.manageTenants().add(command("wxnoodle")));

        assertThat(h.app.manageTenants().add(command("wxnoodle")).getLeft()).isInstanceOf(Failure.Conflict.class);
    }

    @Test
    void a_chosen_demo_key_works_as_given() {
        var withKey = new AddTenantCommand(Option.none(), "Demo", new AppId("wxdemo"), Secret.of("s"), Secret.of("t"),
                Option.none(), PushMode.PLAIN, Option.none(), Option.of(Secret.of("demo-key-0123456789abcdefghij")));

        ok(h.app.manageTenants().add(withKey));

        assertThat(h.app.authenticateApiKey().authenticate("demo-key-0123456789abcdefghij").isDefined()).isTrue();
    }

    @Test
    void secrets_never_show_in_a_tenants_text() {
        IssuedKey issued = ok(h.app.manageTenants().add(command("wxnoodle")));

        assertThat(issued.toString()).doesNotContain("appsecret-value").doesNotContain(issued.apiKey().reveal());
        assertThat(issued.tenant().toString()).doesNotContain("appsecret-value").doesNotContain("push-token");
    }
}
