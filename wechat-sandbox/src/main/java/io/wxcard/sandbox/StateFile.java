package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's state in a JSON file, so that a restarted sandbox still knows the cards and members a product's
 * database refers to. Kept: accounts (secrets included: it is the sandbox's own state on the developer's machine),
 * cards with their members (codes, totals, statuses, activation, form answers, history), the test whitelists, QR
 * codes, landing pages, activate tickets, WeChat Pay out_request_nos, uploaded pictures and the platform key. Not
 * kept: tokens and tickets (clients fetch new ones), the call log, pushes, faults, statistics.
 * <p>
 * Saving happens on its own thread, at most once per {@link #MIN_INTERVAL_MS} after a change and once more on close;
 * request threads only mark the state dirty. The file is replaced atomically (a temporary file in the same folder,
 * then a move), so a crash leaves the previous or the next version, never half of one.
 */
final class StateFile implements AutoCloseable {
    static final String FORMAT = "wechat-sandbox-state";
    static final int VERSION = 1;
    static final long MIN_INTERVAL_MS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);

    /** The parts of the sandbox whose state is kept. */
    record Parts(Apps apps, Cards cards, Members members, Identities ids, PayImport payImport,
                 Distribution distribution, MediaRoutes media, PlatformKey platformKey) {
    }

    private final Path file;
    private final Parts parts;
    private final ScheduledThreadPoolExecutor saver;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Object writing = new Object();
    private volatile long lastSaveMs;
    private volatile boolean closed;
    private volatile String lastFailure;

    StateFile(Path file, Parts parts) {
        this.file = file;
        this.parts = parts;
        this.saver = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-state");
            thread.setDaemon(true);
            return thread;
        });
        saver.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Reads the file: null when it does not exist yet (its folder is created then). A file that cannot be read or is
     * not a sandbox state fails with {@link IllegalStateException} naming the file.
     */
    static ObjectNode read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node == null || !node.isObject() || !FORMAT.equals(node.path("format").asText())) {
                throw new IllegalArgumentException("not a sandbox state file (no \"format\":\"" + FORMAT + "\")");
            }
            if (node.path("version").asInt() != VERSION) {
                throw new IllegalArgumentException("unsupported version " + node.get("version")
                        + " (this sandbox reads version " + VERSION + ")");
            }
            return (ObjectNode) node;
        } catch (NoSuchFileException e) {
            try {
                Path folder = file.toAbsolutePath().getParent();
                if (folder != null) {
                    Files.createDirectories(folder);
                }
            } catch (IOException | RuntimeException mkdir) {
                throw failure(file, "cannot create its folder: " + mkdir.getMessage(), mkdir);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            throw failure(file, describe(e), e);
        }
    }

    /** The platform private key kept in the state, or null. */
    static String platformKeyPem(ObjectNode state) {
        JsonNode pem = state == null ? null : state.get("platform_private_key_pem");
        return pem == null || !pem.isTextual() ? null : pem.asText();
    }

    /** Puts the state read by {@link #read} back into the (empty) parts; fails naming the file. */
    void restore(ObjectNode state) {
        try {
            for (JsonNode app : StateJson.array(state, "apps")) {
                parts.apps.register(new SandboxApp(StateJson.text(app, "appid"), StateJson.text(app, "secret"),
                        StateJson.optionalText(app, "token"), StateJson.optionalText(app, "encoding_aes_key"),
                        StateJson.optionalText(app, "callback_url"), StateJson.optionalText(app, "mode"),
                        StateJson.optionalText(app, "mchid"), StateJson.optionalText(app, "merchant_serial"),
                        StateJson.optionalText(app, "merchant_public_key_pem"),
                        StateJson.optionalText(app, "api_v3_key")));
            }
            List<Card> cards = new ArrayList<>();
            for (JsonNode card : StateJson.array(state, "cards")) {
                cards.add(CardStateFile.restore(card));
            }
            parts.cards.restore(cards, StateJson.object(state, "whitelists"));
            long members = 0;
            for (Card card : cards) {
                synchronized (card) {
                    card.members().forEach(member -> parts.ids.rebuild(member, card.appId));
                    members += card.members().size();
                }
            }
            parts.members.restoreTickets(StateJson.optionalArray(state, "activate_tickets"));
            parts.payImport.restore(StateJson.optionalArray(state, "pay_imports"));
            parts.payImport.restoreUpgrades(StateJson.optionalArray(state, "pay_card_upgrades"));
            parts.distribution.restore(StateJson.optionalArray(state, "qr_codes"),
                    StateJson.optionalArray(state, "landing_pages"));
            parts.media.restore(StateJson.optionalArray(state, "images"));
            LOG.info("sandbox state loaded from {}: {} accounts, {} cards, {} members", file,
                    parts.apps.all().size(), cards.size(), members);
        } catch (RuntimeException e) {
            throw failure(file, describe(e), e);
        }
    }

    /** The state changed: save soon, on the saver thread (at once if the last save is old enough). */
    void changed() {
        if (closed) {
            return;
        }
        dirty.set(true);
        if (scheduled.compareAndSet(false, true)) {
            long wait = Math.max(0, lastSaveMs + MIN_INTERVAL_MS - System.currentTimeMillis());
            try {
                saver.schedule(this::saveIfDirty, wait, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                scheduled.set(false); // close() saves anyway
            }
        }
    }

    private void saveIfDirty() {
        scheduled.set(false); // first: a change from now on schedules the next save
        if (dirty.getAndSet(false)) {
            save();
        }
    }

    /** Writes the whole state now; a failure is logged (the next change tries again), never thrown. */
    void save() {
        synchronized (writing) {
            try {
                write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(snapshot()));
                if (lastFailure != null) {
                    LOG.info("sandbox state saved to {} again", file);
                    lastFailure = null;
                }
            } catch (IOException | RuntimeException e) {
                String message = describe(e);
                if (!message.equals(lastFailure)) {
                    LOG.warn("cannot save the sandbox state to {}: {}", file, message);
                }
                lastFailure = message;
                dirty.set(true);
            } finally {
                lastSaveMs = System.currentTimeMillis();
            }
        }
    }

    private ObjectNode snapshot() {
        ObjectNode out = Json.object().put("format", FORMAT).put("version", VERSION)
                .put("saved_at", System.currentTimeMillis() / 1000)
                .put("platform_private_key_pem", parts.platformKey.privateKeyPem());
        ArrayNode apps = out.putArray("apps");
        parts.apps.all().stream().map(Apps.Registered::app)
                .sorted(java.util.Comparator.comparing(SandboxApp::appId))
                .forEach(app -> apps.addObject().put("appid", app.appId()).put("secret", app.appSecret())
                        .put("token", app.token()).put("encoding_aes_key", app.encodingAesKey())
                        .put("callback_url", app.callbackUrl()).put("mode", app.mode())
                        .put("mchid", app.merchantId()).put("merchant_serial", app.merchantSerial())
                        .put("merchant_public_key_pem", app.merchantPublicKeyPem())
                        .put("api_v3_key", app.apiV3Key()));
        out.set("cards", parts.cards.snapshotCards());
        out.set("whitelists", parts.cards.snapshotWhitelists());
        out.set("qr_codes", parts.distribution.snapshotQrCodes());
        out.set("landing_pages", parts.distribution.snapshotLandingPages());
        out.set("activate_tickets", parts.members.snapshotTickets());
        out.set("pay_imports", parts.payImport.snapshot());
        out.set("pay_card_upgrades", parts.payImport.upgradesSnapshot());
        out.set("images", parts.media.snapshot());
        return out;
    }

    /** Temporary file in the same folder (owner-only where POSIX permissions exist), flushed, then moved over. */
    private void write(byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Stops the saver (a save under way finishes) and saves once more. */
    @Override
    public void close() {
        closed = true;
        saver.shutdown();
        try {
            saver.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        save();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ");
    }

    private static IllegalStateException failure(Path file, String why, Throwable cause) {
        return new IllegalStateException("cannot load the sandbox state from " + file.toAbsolutePath() + ": " + why,
                cause);
    }
}
