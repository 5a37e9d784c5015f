package io.wxcard.bootstrap;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageTenantsUseCase.AddTenantCommand;
import io.wxcard.application.port.in.ManageTenantsUseCase.IssuedKey;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.MerchantCredentials;
import io.wxcard.domain.tenant.PushMode;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;


/**
 * Tenants: one WeChat official account each. Secrets are read from files (or typed at a prompt), never taken from
 * the command line, where other users of the machine could read them.
 */
@Command(name = "tenant", description = "Add, list and re-key tenants (WeChat official accounts).",
        subcommands = {TenantCommand.Add.class, TenantCommand.List.class, TenantCommand.RotateKey.class})
final class TenantCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static <T> T ok(Either<Failure, T> result) {
        if (result.isLeft()) {
            throw new IllegalStateException(result.getLeft().detail());
        }
        return result.get();
    }

    static void printKey(IssuedKey issued) {
        System.out.println("tenant " + issued.tenant().id() + " (appid " + issued.tenant().appId() + ")");
        System.out.println("API key (shown this once; only its hash is kept): " + issued.apiKey().reveal());
    }

    @Command(name = "add", description = "Add a tenant and print its new API key once.")
    static final class Add implements Callable<Integer> {
        @CommandLine.Option(names = "--id", description = "the tenant's id (letters, digits, '-', '_'); generated when absent")
        String id;
        @CommandLine.Option(names = "--name", required = true, description = "a name people recognise")
        String name;
        @CommandLine.Option(names = "--appid", required = true, description = "the official account's appid")
        String appId;
        @CommandLine.Option(names = "--appsecret-file", description = "file holding the appsecret (prompted for when absent)")
        Path appSecretFile;
        @CommandLine.Option(names = "--token-file", description = "file holding the push Token (prompted for when absent)")
        Path tokenFile;
        @CommandLine.Option(names = "--aes-key-file", description = "file holding the 43-character EncodingAESKey (safe mode)")
        Path aesKeyFile;
        @CommandLine.Option(names = "--mchid", description = "WeChat Pay merchant id (for importing members)")
        String merchantId;
        @CommandLine.Option(names = "--merchant-serial", description = "serial of the merchant's API certificate")
        String merchantSerial;
        @CommandLine.Option(names = "--private-key", description = "PEM file of the merchant's private key")
        Path privateKey;
        @CommandLine.Option(names = "--apiv3-key-file", description = "file holding the APIv3 key")
        Path apiV3KeyFile;
        @CommandLine.Option(names = "--platform-serial", description = "serial of WeChat Pay's platform key")
        String platformSerial;
        @CommandLine.Option(names = "--platform-public-key", description = "PEM file of WeChat Pay's platform public key")
        Path platformPublicKey;

        @Override
        public Integer call() {
            Settings settings = Settings.load(System.getenv());
            Secret appSecret = secret(appSecretFile, "appsecret");
            Secret token = secret(tokenFile, "push Token");
            Option<Secret> aesKey = aesKeyFile == null ? Option.none() : Option.of(secret(aesKeyFile, "EncodingAESKey"));
            Option<MerchantCredentials> merchant = merchantId == null ? Option.none() : Option.of(new MerchantCredentials(
                    merchantId, required(merchantSerial, "--merchant-serial"), secret(required(privateKey, "--private-key"), "private key"),
                    secret(required(apiV3KeyFile, "--apiv3-key-file"), "APIv3 key"), required(platformSerial, "--platform-serial"),
                    secret(required(platformPublicKey, "--platform-public-key"), "platform key").reveal()));
            try (AdminRuntime admin = new AdminRuntime(settings)) {
                printKey(ok(admin.services.manageTenants().add(new AddTenantCommand(
                        Option.of(id).map(TenantId::new), name, new AppId(appId), appSecret, token, aesKey,
                        aesKey.isDefined() ? PushMode.SAFE : PushMode.PLAIN, merchant, Option.none()))));
            }
            return 0;
        }

        private static <T> T required(T value, String option) {
            if (value == null) {
                throw new IllegalArgumentException(option + " is needed with --mchid");
            }
            return value;
        }
    }

    @Command(name = "list", description = "List the tenants (never their secrets).")
    static final class List implements Callable<Integer> {
        @Override
        public Integer call() {
            try (AdminRuntime admin = new AdminRuntime(Settings.load(System.getenv()))) {
                for (Tenant tenant : admin.services.manageTenants().list()) {
                    System.out.printf("%-20s %-22s %-6s %-10s %s%n", tenant.id(), tenant.appId(), tenant.pushMode(),
                            tenant.merchant().isDefined() ? "pay:" + tenant.merchant().get().merchantId() : "no-pay",
                            tenant.name());
                }
            }
            return 0;
        }
    }

    @Command(name = "rotate-key", description = "Give a tenant a new API key; the old one stops working at once.")
    static final class RotateKey implements Callable<Integer> {
        @picocli.CommandLine.Parameters(paramLabel = "TENANT", description = "the tenant's id")
        String id;

        @Override
        public Integer call() {
            try (AdminRuntime admin = new AdminRuntime(Settings.load(System.getenv()))) {
                printKey(ok(admin.services.manageTenants().rotateKey(new TenantId(id), Option.none())));
            }
            return 0;
        }
    }

    /** A secret from its file, or typed at a prompt that does not echo. */
    static Secret secret(Path file, String what) {
        if (file != null) {
            try {
                return Secret.of(Files.readString(file).strip());
            } catch (IOException unreadable) {
                throw new IllegalArgumentException("the " + what + " file " + file + " cannot be read: " + unreadable.getMessage());
            }
        }
        java.io.Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("give the " + what + " in a file (no terminal to ask it on)");
        }
        char[] typed = console.readPassword("%s: ", what);
        if (typed == null || typed.length == 0) {
            throw new IllegalArgumentException("the " + what + " is required");
        }
        return Secret.of(new String(typed));
    }
}
