package io.wxcard.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A merchant's callback endpoint for the tests, written independently of the sandbox's code: it checks the
 * signatures, decrypts safe-mode bodies with its own AES code, checks the appid and parses the XML with DOCTYPE
 * disallowed. It can be told to stay silent (slower than the push timeout) for the first N deliveries.
 */
final class PushReceiver implements AutoCloseable {

    /** One delivery as received: the query, the raw body, and the verified event fields (null if refused). */
    record Delivery(Map<String, String> query, String body, Map<String, String> event, String refusal) {
        String field(String name) {
            return event == null ? null : event.get(name);
        }
    }

    record Decrypted(String xml, String appId) {
    }

    /** One configuration handshake (a GET with echostr) as received, and whether its signature held. */
    record Handshake(Map<String, String> query, boolean signatureValid) {
    }

    private final HttpServer server;
    private final String token;
    private final String aesKey;
    private final String appId;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<Handshake> handshakes = new CopyOnWriteArrayList<>();
    /** What the handshake is answered with: null = the echostr (when the signature holds), as a merchant should. */
    private volatile String handshakeAnswer;
    private final AtomicInteger silentFor = new AtomicInteger();
    private volatile long silenceMillis;
    private final AtomicInteger answerOverrides = new AtomicInteger();
    private volatile int overrideStatus;
    private volatile String overrideBody;

    PushReceiver(String token, String aesKey, String appId) throws IOException {
        this(token, aesKey, appId, 0);
    }

    /** A receiver on the given port (0: any free port). */
    PushReceiver(String token, String aesKey, String appId, int port) throws IOException {
        this.token = token;
        this.aesKey = aesKey;
        this.appId = appId;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/wechat/callback", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/wechat/callback";
    }

    /** The next {@code deliveries} requests get no answer for {@code millis} (longer than the push timeout). */
    void staySilent(int deliveries, long millis) {
        silenceMillis = millis;
        silentFor.set(deliveries);
    }

    /** The next {@code deliveries} verified pushes are answered with this status and body instead of 200 success. */
    void answerWith(int status, String body, int deliveries) {
        overrideStatus = status;
        overrideBody = body;
        answerOverrides.set(deliveries);
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    List<Handshake> handshakes() {
        return List.copyOf(handshakes);
    }

    /** Answers the handshake with this body instead of the echostr (a misconfigured merchant). */
    void answerHandshakeWith(String body) {
        handshakeAnswer = body;
    }

    /** Waits (up to 10 s) until {@code count} verified deliveries match; answers those seen by then. */
    List<Delivery> await(Predicate<Delivery> match, int count) {
        long deadline = System.currentTimeMillis() + 10_000;
        List<Delivery> found;
        do {
            found = deliveries.stream().filter(d -> d.event != null).filter(match).toList();
            if (found.size() >= count) {
                return found;
            }
            sleep(20);
        } while (System.currentTimeMillis() < deadline);
        return found;
    }

    List<Delivery> awaitEvent(String event, String cardId, int count) {
        return await(d -> event.equals(d.field("Event")) && cardId.equals(d.field("CardId")), count);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
        if (exchange.getRequestMethod().equals("GET") && query.containsKey("echostr")) {
            handshake(exchange, query);
            return;
        }
        Map<String, String> event = null;
        String refusal = null;
        try {
            event = verify(exchange.getRequestMethod(), query, body);
        } catch (RuntimeException e) {
            refusal = e.getMessage();
        }
        deliveries.add(new Delivery(query, body, event, refusal));
        if (silentFor.getAndDecrement() > 0) {
            sleep(silenceMillis);
        }
        boolean overridden = refusal == null && answerOverrides.getAndDecrement() > 0;
        byte[] answer = (overridden ? overrideBody : "success").getBytes(StandardCharsets.UTF_8);
        int status = overridden ? overrideStatus : refusal == null ? 200 : 403;
        try {
            exchange.sendResponseHeaders(status, status == 204 ? -1 : answer.length);
            if (status != 204) {
                exchange.getResponseBody().write(answer);
            }
        } catch (IOException e) {
            // the sandbox gave up waiting and closed the connection: that is what the silence is for
        }
        exchange.close();
    }

    /** WeChat's configuration check: answer the echostr unchanged when the plain signature holds. */
    private void handshake(HttpExchange exchange, Map<String, String> query) throws IOException {
        boolean valid = query.get("timestamp") != null && query.get("nonce") != null
                && sha1Sorted(token, query.get("timestamp"), query.get("nonce")).equals(query.get("signature"));
        handshakes.add(new Handshake(query, valid));
        String override = handshakeAnswer;
        byte[] answer = (override != null ? override : valid ? query.get("echostr") : "bad signature")
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(valid || override != null ? 200 : 403, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private Map<String, String> verify(String method, Map<String, String> query, String body) {
        if (!method.equals("POST")) {
            throw new IllegalArgumentException("pushes are POSTs");
        }
        String timestamp = query.get("timestamp");
        String nonce = query.get("nonce");
        if (!sha1Sorted(token, timestamp, nonce).equals(query.get("signature"))) {
            throw new IllegalArgumentException("bad signature");
        }
        Map<String, String> outer = parseXml(body);
        if (aesKey == null) {
            if (query.containsKey("encrypt_type") || outer.containsKey("Encrypt")) {
                throw new IllegalArgumentException("an encrypted body in plain mode");
            }
            return outer;
        }
        if (!"aes".equals(query.get("encrypt_type")) || !outer.containsKey("Encrypt")) {
            throw new IllegalArgumentException("a plain body in safe mode");
        }
        String encrypt = outer.get("Encrypt");
        if (!sha1Sorted(token, timestamp, nonce, encrypt).equals(query.get("msg_signature"))) {
            throw new IllegalArgumentException("bad msg_signature");
        }
        Decrypted decrypted = decrypt(aesKey, encrypt);
        if (!decrypted.appId().equals(appId)) {
            throw new IllegalArgumentException("the message is for appid " + decrypted.appId());
        }
        Map<String, String> inner = parseXml(decrypted.xml());
        if (!inner.get("ToUserName").equals(outer.get("ToUserName"))) {
            throw new IllegalArgumentException("ToUserName differs inside and outside");
        }
        return inner;
    }

    /** AES-256-CBC, IV = key[0..16), PKCS#7 over 32-byte blocks: random16 | len (BE) | xml | appid. */
    static Decrypted decrypt(String encodingAesKey, String encrypt) {
        try {
            byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(Arrays.copyOf(key, 16)));
            byte[] plain = cipher.doFinal(Base64.getDecoder().decode(encrypt));
            int pad = plain[plain.length - 1] & 0xFF;
            if (pad < 1 || pad > 32) {
                throw new IllegalArgumentException("padding out of range: " + pad);
            }
            for (int i = plain.length - pad; i < plain.length; i++) {
                if ((plain[i] & 0xFF) != pad) {
                    throw new IllegalArgumentException("inconsistent padding");
                }
            }
            int contentEnd = plain.length - pad;
            int length = ByteBuffer.wrap(plain, 16, 4).getInt();
            if (length < 0 || 20 + length > contentEnd) {
                throw new IllegalArgumentException("length field larger than the message");
            }
            return new Decrypted(new String(plain, 20, length, StandardCharsets.UTF_8),
                    new String(plain, 20 + length, contentEnd - 20 - length, StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot decrypt", e);
        }
    }

    static String sha1Sorted(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The child elements of the root, as text, with DOCTYPE refused (no XXE). */
    static Map<String, String> parseXml(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            Map<String, String> fields = new LinkedHashMap<>();
            for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.ELEMENT_NODE) {
                    fields.put(child.getNodeName(), child.getTextContent());
                }
            }
            return fields;
        } catch (Exception e) {
            throw new IllegalArgumentException("bad XML: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** The element names of the event, in order (to compare with WeChat's layout). */
    static List<String> names(Delivery delivery) {
        return new ArrayList<>(delivery.event().keySet());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
