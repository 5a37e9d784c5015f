package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.push.PushRejection;
import io.wxcard.application.port.out.wechat.push.PushRejection.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * WeChat's flat push XML ({@code <xml><Field>value</Field>...</xml>}) read into its fields, safely: a DOCTYPE is
 * refused outright ({@code disallow-doctype-decl}), so no entity, internal or external, can be declared; external
 * entities, external DTDs and XInclude are off as well, and secure processing is on. The SDK holes this closes:
 * CVE-2018-20318, CVE-2019-5312, CVE-2018-13439.
 */
final class SafeXml {
    private static final SAXParserFactory FACTORY = factory();

    private SafeXml() {}

    private static SAXParserFactory factory() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be made safe; refusing to run without it", e);
        }
    }

    /** The text of each child of the root element, by name (the first occurrence wins). */
    static Either<PushRejection, Map<String, String>> fields(byte[] xml) {
        FieldCollector collector = new FieldCollector();
        try {
            SAXParser parser = FACTORY.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            parser.parse(new InputSource(new ByteArrayInputStream(xml)), collector);
        } catch (SAXException e) {
            return Either.left(unsafe(xml, e) ? new PushRejection(Reason.UNSAFE_XML,
                    "the XML declares a DOCTYPE or an entity, which WeChat never sends")
                    : new PushRejection(Reason.MALFORMED, "the body is not well-formed XML"));
        } catch (IOException | ParserConfigurationException e) {
            return Either.left(new PushRejection(Reason.MALFORMED, "the body could not be read as XML"));
        }
        if (collector.root == null) {
            return Either.left(new PushRejection(Reason.MALFORMED, "the body has no XML root element"));
        }
        return Either.right(collector.fields);
    }

    /** Whether a parse failure came from a DOCTYPE or entity (told apart only after the parser refused it). */
    private static boolean unsafe(byte[] xml, SAXException e) {
        String message = String.valueOf(e.getMessage());
        String text = new String(xml, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
        return message.contains("DOCTYPE") || message.contains("disallow-doctype-decl")
                || text.contains("<!DOCTYPE") || text.contains("<!ENTITY");
    }

    private static final class FieldCollector extends DefaultHandler {
        final Map<String, String> fields = new LinkedHashMap<>();
        String root;
        private int depth;
        private String current;
        private final StringBuilder text = new StringBuilder();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            depth++;
            if (depth == 1) {
                root = qName;
            } else if (depth == 2) {
                current = qName;
                text.setLength(0);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (depth >= 2) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (depth == 2 && current != null) {
                fields.putIfAbsent(current, text.toString());
                current = null;
            }
            depth--;
        }
    }
}
