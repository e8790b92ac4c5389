package org.abdmdesk.store.share;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abdmdesk.engine.callback.InboundCallback;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.outbox.Outbox;
import org.abdmdesk.engine.outbox.OutboxEntry;
import org.abdmdesk.engine.patient.Patient;
import org.abdmdesk.engine.patient.PatientDetails;
import org.abdmdesk.engine.share.ProfileShareHandler;
import org.abdmdesk.engine.share.ShareEvent;
import org.abdmdesk.engine.share.ShareSettings;
import org.abdmdesk.engine.share.ShareToken;
import org.abdmdesk.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan-and-share handler against a real SQLite store: patients, tokens, queued on-share replies. */
class ProfileShareHandlerTest {
    static final String HIP = "IN9910000042";
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final Instant MORNING = Instant.parse("2026-11-25T04:00:00Z"); // 09:30 IST

    @TempDir
    Path folder;

    private final ObjectMapper json = new ObjectMapper();
    private final TestClock clock = new TestClock(MORNING);
    private final List<ShareEvent> events = new ArrayList<>();
    private LocalStore store;
    private ProfileShareHandler handler;
    private int seq;

    @BeforeEach
    void open() {
        store = LocalStore.open(folder.resolve("desk.db"), clock);
        handler = handlerWith(ShareSettings.of(HIP, "desk1", IST));
    }

    private ProfileShareHandler handlerWith(ShareSettings settings) {
        ProfileShareHandler h = new ProfileShareHandler(settings, store.patients(), store.shareTokens(),
                store.outbox()::enqueue, clock, "sbx");
        h.addListener(events::add);
        return h;
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNewPatientIsRegisteredGivenTokenOneAndTheReplyIsQueued() throws Exception {
        InboundCallback share = callback(body("91-1357-2468-0131", "asha.verma@sbx", "desk1"));

        handler.handle(share);

        Patient p = store.patients().findByAbhaNumber(AbhaNumber.of("91135724680131")).orElseThrow();
        assertThat(p.name()).isEqualTo("Asha Verma");
        assertThat(p.gender()).isEqualTo(Gender.FEMALE);
        assertThat(p.birthDate().orElseThrow().toString()).isEqualTo("22-10-1991");
        assertThat(p.abhaAddresses()).containsExactly(AbhaAddress.parse("asha.verma@sbx", "sbx"));
        assertThat(p.pinCode()).isEqualTo("411001");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.newPatient()).isTrue();
            assertThat(e.repeat()).isFalse();
            assertThat(e.token().number()).isEqualTo(1);
            assertThat(e.token().patientId()).isEqualTo(p.id());
        });
        JsonNode reply = onlyReply(share.requestId());
        assertThat(reply.at("/acknowledgement/status").asText()).isEqualTo("SUCCESS");
        assertThat(reply.at("/acknowledgement/abhaAddress").asText()).isEqualTo("asha.verma@sbx");
        assertThat(reply.at("/acknowledgement/profile/context").asText()).isEqualTo("desk1");
        assertThat(reply.at("/acknowledgement/profile/tokenNumber").asText()).isEqualTo("1");
        assertThat(reply.at("/acknowledgement/profile/expiry").asText()).isEqualTo("1800");
        assertThat(reply.at("/response/requestId").asText()).isEqualTo(share.requestId());
        OutboxEntry entry = store.outbox().due(clock.instant(), 10).get(0);
        assertThat(entry.message().target()).isEqualTo("POST {gateway}/patient-share/v3/on-share");
        assertThat(entry.message().headers()).containsEntry("X-HIP-ID", HIP);
    }

    @Test
    void aReturningPatientIsMatchedByAbhaNumberAndGetsTheSharedAddressAdded() throws Exception {
        Patient known = store.patients().register(details("Asha V", Optional.of("91-1357-2468-0131"), List.of()));

        handler.handle(callback(body("91135724680131", "asha.verma@sbx", "desk1")));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.newPatient()).isFalse();
            assertThat(e.patient().id()).isEqualTo(known.id());
        });
        assertThat(store.patients().findById(known.id()).orElseThrow().abhaAddresses())
                .containsExactly(AbhaAddress.parse("asha.verma@sbx", "sbx"));
        assertThat(store.patients().search("", 10)).hasSize(1);
    }

    @Test
    void aReturningPatientIsMatchedByAbhaAddressWhenTheShareHasNoNumber() throws Exception {
        Patient known = store.patients().register(details("Asha V", Optional.empty(), List.of("asha.verma@sbx")));
        ObjectNode body = body("", "asha.verma@sbx", "desk1");
        ((ObjectNode) body.at("/profile/patient")).putNull("abhaNumber");

        handler.handle(callback(body));

        assertThat(events).singleElement().satisfies(e -> assertThat(e.patient().id()).isEqualTo(known.id()));
        assertThat(store.patients().search("", 10)).hasSize(1);
    }

    @Test
    void anAddressOnlyAbhaRegistersAPatientWithoutNumber() throws Exception {
        ObjectNode body = body("", "sunita_yadav", "desk1");
        ((ObjectNode) body.at("/profile/patient")).remove("abhaNumber");

        handler.handle(callback(body));

        Patient p = events.get(0).patient();
        assertThat(p.abhaNumber()).isEmpty();
        assertThat(p.abhaAddresses()).containsExactly(AbhaAddress.parse("sunita_yadav@sbx", "sbx"));
        assertThat(onlyReply(events.get(0).token().requestId()).at("/acknowledgement/abhaAddress").asText())
                .isEqualTo("sunita_yadav");
    }

    @Test
    void lenientReadingTakesNumbersForBirthPartsAndPinCodeInCamelCase() throws Exception {
        ObjectNode body = body("91-1357-2468-0131", "asha.verma@sbx", "desk1");
        ObjectNode patient = (ObjectNode) body.at("/profile/patient");
        patient.put("dayOfBirth", 5).put("monthOfBirth", 3).put("yearOfBirth", 1990);
        ObjectNode address = (ObjectNode) patient.get("address");
        address.remove("pincode");
        address.put("pinCode", "110001");

        handler.handle(callback(body));

        Patient p = events.get(0).patient();
        assertThat(p.birthDate().orElseThrow().toString()).isEqualTo("05-03-1990");
        assertThat(p.pinCode()).isEqualTo("110001");
    }

    @Test
    void aRepeatShareWithinValidityGetsTheSameTokenAndASecondReply() throws Exception {
        InboundCallback first = callback(body("91-1357-2468-0131", "asha.verma@sbx", "desk1"));
        handler.handle(first);
        clock.advance(Duration.ofMinutes(10));
        InboundCallback again = callback(body("91-1357-2468-0131", "asha.verma@sbx", "desk1"));

        handler.handle(again);

        assertThat(events).hasSize(2);
        assertThat(events.get(1).repeat()).isTrue();
        assertThat(events.get(1).token().id()).isEqualTo(events.get(0).token().id());
        JsonNode reply = onlyReply(again.requestId());
        assertThat(reply.at("/acknowledgement/profile/tokenNumber").asText()).isEqualTo("1");
        assertThat(reply.at("/acknowledgement/profile/expiry").asText()).isEqualTo("1200");
        assertThat(store.shareTokens().live(clock.instant())).hasSize(1);
    }

    @Test
    void afterValidityTheSamePatientGetsANewToken() throws Exception {
        handler.handle(callback(body("91-1357-2468-0131", "asha.verma@sbx", "desk1")));
        clock.advance(Duration.ofMinutes(31));

        handler.handle(callback(body("91-1357-2468-0131", "asha.verma@sbx", "desk1")));

        assertThat(events.get(1).repeat()).isFalse();
        assertThat(events.get(1).token().number()).isEqualTo(2);
        assertThat(store.shareTokens().live(clock.instant())).extracting(ShareToken::number).containsExactly(2);
    }

    @Test
    void aDoneTokenIsNotGivenAgain() throws Exception {
        handler.handle(callback(body("91-1357-2468-0131", "asha.verma@sbx", "desk1")));
        store.shareTokens().setStatus(events.get(0).token().id(), ShareToken.Status.DONE);

        handler.handle(callback(body("91-1357-2468-0131", "asha.verma@sbx", "desk1")));

        assertThat(events.get(1).token().number()).isEqualTo(2);
    }

    @Test
    void numbersAreSequentialPerCounterAndStartAgainNextLocalDay() throws Exception {
        handler = handlerWith(new ShareSettings(HIP, List.of("desk1", "desk2"), Duration.ofMinutes(30), IST));
        handler.handle(callback(body("91-1357-2468-0131", "asha.verma@sbx", "desk1")));
        handler.handle(callback(body("91-2468-1357-9025", "ramesh.yadav@sbx", "desk1")));
        handler.handle(callback(body("91-3579-2468-0246", "sunita_yadav@sbx", "desk2")));
        // 23:59 IST the same day, then 00:01 IST the next day
        clock.set(Instant.parse("2026-11-25T18:29:00Z"));
        handler.handle(callback(body("91-4681-3579-1357", "aarav.yadav2012@sbx", "desk1")));
        clock.set(Instant.parse("2026-11-25T18:31:00Z"));
        handler.handle(callback(body("91-1357-2468-0131", "asha.verma@sbx", "desk1")));

        assertThat(events).extracting(e -> e.token().counter() + "#" + e.token().number() + "@" + e.token().day())
                .containsExactly("desk1#1@2026-11-25", "desk1#2@2026-11-25", "desk2#1@2026-11-25",
                        "desk1#3@2026-11-25", "desk1#1@2026-11-26");
    }

    @Test
    void theSameCallbackHandledTwiceGivesOneTokenAndOneReply() throws Exception {
        InboundCallback share = callback(body("91-1357-2468-0131", "asha.verma@sbx", "desk1"));
        handler.handle(share);
        clock.advance(Duration.ofHours(2)); // handled again after a crash, long after: still the same token

        handler.handle(share);

        assertThat(events).extracting(e -> e.token().id()).containsExactly(events.get(0).token().id(),
                events.get(0).token().id());
        assertThat(events.get(1).repeat()).isFalse();
        assertThat(store.outbox().counts()).containsEntry(Outbox.State.PENDING, 1);
        assertThat(store.patients().search("", 10)).hasSize(1);
    }

    @Test
    void aWrongIntentIsRefusedWithAbdm1049AndNothingIsStored() throws Exception {
        ObjectNode body = body("91-1357-2468-0131", "asha.verma@sbx", "desk1").put("intent", "LINK");
        InboundCallback share = callback(body);

        handler.handle(share);

        assertRefused(share, "ABDM-1049");
    }

    @Test
    void missingMetadataIsRefusedWithAbdm1050() throws Exception {
        ObjectNode body = body("91-1357-2468-0131", "asha.verma@sbx", "desk1");
        body.remove("metaData");
        InboundCallback share = callback(body);

        handler.handle(share);

        assertRefused(share, "ABDM-1050");
    }

    @Test
    void aShareForAnotherHipIsRefused() throws Exception {
        ObjectNode body = body("91-1357-2468-0131", "asha.verma@sbx", "desk1");
        ((ObjectNode) body.get("metaData")).put("hipId", "IN0000000001");
        InboundCallback inBody = callback(body);
        InboundCallback inHeader = new InboundCallback("h-" + inBody.requestId(), inBody.path(),
                Map.of("X-HIP-ID", "IN0000000001"), body("91-1357-2468-0131", "asha.verma@sbx", "desk1").toString(),
                clock.instant(), 99);

        handler.handle(inBody);
        handler.handle(inHeader);

        assertRefused(inBody, "ABDM-1050");
        assertRefused(inHeader, "ABDM-1050");
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() throws Exception {
        InboundCallback share = new InboundCallback("r-bad", ProfileShareHandler.PATH, Map.of("X-HIP-ID", HIP), "{oops",
                clock.instant(), 1);

        handler.handle(share);

        assertRefused(share, "ABDM-1049");
    }

    private void assertRefused(InboundCallback share, String code) throws Exception {
        JsonNode reply = onlyReply(share.requestId());
        assertThat(reply.at("/acknowledgement/status").asText()).isEqualTo("FAILED");
        assertThat(reply.at("/error/code").asText()).isEqualTo(code);
        assertThat(reply.at("/error/message").asText()).isNotBlank();
        assertThat(events).isEmpty();
        assertThat(store.patients().search("", 10)).isEmpty();
        assertThat(store.shareTokens().live(clock.instant())).isEmpty();
    }

    private JsonNode onlyReply(String requestId) throws Exception {
        List<OutboxEntry> replies = store.outbox().due(Instant.parse("2100-01-01T00:00:00Z"), 100).stream()
                .filter(e -> e.message().correlation().equals(requestId)).toList();
        assertThat(replies).hasSize(1);
        return json.readTree(replies.get(0).message().body());
    }

    private InboundCallback callback(JsonNode body) {
        seq++;
        return new InboundCallback("req-" + seq, ProfileShareHandler.PATH, Map.of("X-HIP-ID", HIP, "X-CM-ID", "sbx"),
                body.toString(), clock.instant(), seq);
    }

    private ObjectNode body(String abhaNumber, String abhaAddress, String counter) {
        ObjectNode root = json.createObjectNode().put("intent", "PROFILE_SHARE");
        root.putObject("metaData").put("hipId", HIP).put("context", counter).put("hprId", "")
                .put("latitude", "18.5").put("longitude", "73.8");
        ObjectNode patient = root.putObject("profile").putObject("patient");
        patient.put("abhaNumber", abhaNumber).put("abhaAddress", abhaAddress).put("name", "Asha Verma")
                .put("gender", "F").put("dayOfBirth", "22").put("monthOfBirth", "10").put("yearOfBirth", "1991")
                .put("phoneNumber", "9811122233");
        patient.putObject("address").put("line", "12 MG Road").put("district", "Pune").put("state", "Maharashtra")
                .put("pincode", "411001");
        return root;
    }

    private static PatientDetails details(String name, Optional<String> number, List<String> addresses) {
        List<AbhaAddress> parsed = addresses.stream().map(a -> AbhaAddress.parse(a, "sbx")).toList();
        return new PatientDetails(name, Gender.FEMALE, Optional.empty(), Optional.empty(), number.map(AbhaNumber::of),
                parsed, parsed.stream().findFirst(), "", "", "", "");
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
