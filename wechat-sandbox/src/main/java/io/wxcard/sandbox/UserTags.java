package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The accounts' user tags ({@code cgi-bin/tags/*}, User_Tag_Management): at most 100 a account, names at most 30
 * bytes and unique, ids 0-2 reserved by WeChat, at most 20 tags a user, 50 openids a batchtagging call.
 */
final class UserTags {
    static final int MAX_TAGS = 100;
    static final int MAX_NAME_BYTES = 30;
    static final int MAX_TAGS_PER_USER = 20;
    static final int MAX_OPENIDS_PER_CALL = 50;
    /** user/tag/get's page; WeChat's page size is not stated on the page read (10,000 as user/get's, inferred). */
    static final int FANS_PER_PAGE = 10_000;
    /** WeChat's own tags (0, 1, 2: 星标组 among them) cannot be changed; ours start above. */
    private static final long FIRST_ID = 100;

    private static final class Tag {
        final long id;
        String name;
        final Set<String> openids = new LinkedHashSet<>();

        Tag(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    private final Members members;
    private final Map<String, Map<Long, Tag>> byApp = new LinkedHashMap<>();
    private long nextId = FIRST_ID;

    UserTags(Members members) {
        this.members = members;
    }

    private Map<Long, Tag> tags(String appId) {
        return byApp.computeIfAbsent(appId, app -> new LinkedHashMap<>());
    }

    private static void checkName(Map<Long, Tag> tags, String name, long except) {
        if (name == null || name.isBlank()) {
            throw WxException.missingField("tag.name");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new WxException(45158, "tag name too long: the name is more than 30 bytes");
        }
        if (tags.values().stream().anyMatch(tag -> tag.id != except && tag.name.equals(name))) {
            throw new WxException(45157, "invalid tag name: a tag of that name exists");
        }
    }

    private Tag tag(String appId, Long id) {
        if (id == null) {
            throw WxException.missingField("tag.id / tagid");
        }
        if (id < FIRST_ID) {
            throw new WxException(45058, "can't modify sys tag: tags 0, 1 and 2 are WeChat's own");
        }
        Tag tag = tags(appId).get(id);
        if (tag == null) {
            throw new WxException(45159, "invalid tag id " + id);
        }
        return tag;
    }

    synchronized ObjectNode create(String appId, ObjectNode body) {
        String name = Json.text(Json.objectField(body, "tag"), "name");
        Map<Long, Tag> tags = tags(appId);
        checkName(tags, name, -1);
        if (tags.size() >= MAX_TAGS) {
            throw new WxException(45056, "too many tags now, no need to add new: at most 100");
        }
        Tag tag = new Tag(nextId++, name);
        tags.put(tag.id, tag);
        ObjectNode out = Json.object();
        out.putObject("tag").put("id", tag.id).put("name", tag.name);
        return out;
    }

    synchronized ObjectNode list(String appId) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("tags");
        tags(appId).values().forEach(tag -> list.addObject().put("id", tag.id).put("name", tag.name)
                .put("count", tag.openids.size()));
        return out;
    }

    synchronized void update(String appId, ObjectNode body) {
        ObjectNode fields = Json.objectField(body, "tag");
        Tag tag = tag(appId, Json.integer(fields, "id"));
        String name = Json.text(fields, "name");
        checkName(tags(appId), name, tag.id);
        tag.name = name;
    }

    synchronized void delete(String appId, ObjectNode body) {
        Tag tag = tag(appId, Json.integer(Json.objectField(body, "tag"), "id"));
        tags(appId).remove(tag.id);
    }

    synchronized void batchTagging(String appId, ObjectNode body) {
        List<String> openids = Json.texts(body, "openid_list");
        if (openids.isEmpty()) {
            throw WxException.missingField("openid_list");
        }
        if (openids.size() > MAX_OPENIDS_PER_CALL) {
            throw new WxException(40032, "invalid openid list size: at most 50 openids a call");
        }
        Tag tag = tag(appId, Json.integer(body, "tagid"));
        for (String openid : openids) {
            members.requireOpenidOf(appId, openid);
            long held = tags(appId).values().stream().filter(t -> t.openids.contains(openid)).count();
            if (!tag.openids.contains(openid) && held >= MAX_TAGS_PER_USER) {
                throw new WxException(45059, "has too many tags: " + openid + " carries 20 tags");
            }
        }
        tag.openids.addAll(openids);
    }

    /** {@code tags/members/batchuntagging}: the same limits as tagging; an openid without the tag changes nothing. */
    synchronized void batchUntagging(String appId, ObjectNode body) {
        List<String> openids = Json.texts(body, "openid_list");
        if (openids.isEmpty()) {
            throw WxException.missingField("openid_list");
        }
        if (openids.size() > MAX_OPENIDS_PER_CALL) {
            throw new WxException(40032, "invalid openid list size: at most 50 openids a call");
        }
        Tag tag = tag(appId, Json.integer(body, "tagid"));
        openids.forEach(openid -> members.requireOpenidOf(appId, openid));
        openids.forEach(tag.openids::remove);
    }

    /**
     * {@code user/tag/get}: a page of the tag's followers after {@code next_openid} (from the start when empty), at
     * most {@link #FANS_PER_PAGE}; {@code next_openid} is the page's last openid, empty on an empty page.
     */
    synchronized ObjectNode fans(String appId, ObjectNode body) {
        Tag tag = tag(appId, Json.integer(body, "tagid"));
        String after = body.hasNonNull("next_openid") ? body.get("next_openid").asText() : "";
        List<String> all = List.copyOf(tag.openids);
        int from = after.isEmpty() ? 0 : all.indexOf(after) + 1;
        List<String> page = all.subList(Math.min(from, all.size()), Math.min(all.size(), from + FANS_PER_PAGE));
        ObjectNode out = Json.object();
        out.put("count", page.size());
        ArrayNode openids = out.putObject("data").putArray("openid");
        page.forEach(openids::add);
        out.put("next_openid", page.isEmpty() ? "" : page.get(page.size() - 1));
        return out;
    }

    /** The openids carrying a tag (a mass send's audience), or 45159 for a tag the account does not have. */
    synchronized List<String> openids(String appId, long tagId) {
        return List.copyOf(tag(appId, tagId).openids);
    }

    synchronized void clear() {
        byApp.clear();
        nextId = FIRST_ID;
    }
}
