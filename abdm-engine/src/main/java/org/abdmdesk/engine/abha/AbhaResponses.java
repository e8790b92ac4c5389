package org.abdmdesk.engine.abha;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abdmdesk.engine.error.AbdmException;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Gender;
import org.abdmdesk.engine.identity.MobileNumber;

/**
 * Reads ABHA V3 answers into the engine's records, leniently: both documented spellings
 * ({@code token}/{@code tokens.token}, {@code pinCode}/{@code pincode}, {@code ABHANumber}/
 * {@code abhaNumber}/{@code healthIdNumber}), dates as {@code DD-MM-YYYY} or day/month/year parts
 * (year only is real), no photo, no ABHA number for address-only ABHAs. Only what the desk cannot
 * do without (a txnId, a token, a birth year) is required.
 */
final class AbhaResponses {
    static final Duration USER_TOKEN_LIFETIME_IF_UNSAID = Duration.ofMinutes(30);
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final Clock clock;
    private final String cmId;

    AbhaResponses(Clock clock, String cmId) {
        this.clock = clock;
        this.cmId = cmId;
    }

    OtpSent otpSent(JsonNode n, String call) throws AbdmException {
        return new OtpSent(txnId(n, null, call), text(n, "message").orElse(""));
    }

    /** The txnId to carry on with: the answer's, else {@code previous}; none at all is unreadable. */
    String txnId(JsonNode n, String previous, String call) throws AbdmException {
        Optional<String> t = text(n, "txnId");
        if (t.isPresent()) {
            return t.get();
        }
        if (previous != null) {
            return previous;
        }
        throw AbdmException.unexpected(200, call + " -> answer without txnId");
    }

    /** {@code tokens.token} or top-level {@code token}, with {@code expiresIn}. */
    UserToken token(JsonNode n, UserToken.Family family, String call) throws AbdmException {
        for (JsonNode holder : List.of(n.path("tokens"), n)) {
            Optional<String> token = text(holder, "token");
            if (token.isPresent()) {
                long seconds = holder.path("expiresIn").asLong(0);
                Duration life = seconds > 0 ? Duration.ofSeconds(seconds) : USER_TOKEN_LIFETIME_IF_UNSAID;
                return new UserToken(token.get(), clock.instant().plus(life), family);
            }
        }
        throw AbdmException.unexpected(200, call + " -> answer without a user token");
    }

    Enrolment enrolment(JsonNode n, MobileNumber communicationMobile, String previousTxn, String call)
            throws AbdmException {
        JsonNode p = first(n, "ABHAProfile", "abhaProfile", "profile");
        AbhaProfile profile = profile(p.isMissingNode() ? n : p, call);
        boolean isNew = first(n, "isNew", "new").asBoolean(false);
        boolean matches = profile.mobile()
                .filter(m -> MobileNumber.check(m).acceptable())
                .map(m -> MobileNumber.of(m).digits().equals(communicationMobile.digits()))
                .orElse(false);
        return new Enrolment(txnId(n, previousTxn, call), profile, token(n, UserToken.Family.PROFILE, call), isNew,
                matches);
    }

    AbhaProfile profile(JsonNode n, String call) throws AbdmException {
        Optional<AbhaNumber> number = abhaNumber(n);
        List<AbhaAddress> addresses = addresses(n);
        Optional<AbhaAddress> preferred = address(text(n, "preferredAbhaAddress", "abhaAddress", "healthId"));
        if (preferred.isEmpty() && !addresses.isEmpty()) {
            preferred = Optional.of(addresses.get(0));
        }
        if (preferred.isPresent() && !addresses.contains(preferred.get())) {
            List<AbhaAddress> all = new ArrayList<>();
            all.add(preferred.get());
            all.addAll(addresses);
            addresses = all;
        }
        String first = text(n, "firstName").orElse("");
        String middle = text(n, "middleName").orElse("");
        String last = text(n, "lastName").orElse("");
        String name = text(n, "name", "fullName").orElseGet(() -> joinNames(first, middle, last));
        PartialDate birth = birthDate(n).orElseThrow(() -> AbdmException.unexpected(200,
                call + " -> profile without a birth year"));
        return new AbhaProfile(number, preferred, List.copyOf(addresses), name, first, middle, last,
                Gender.fromCode(text(n, "gender").orElse(null)), birth,
                text(n, "mobile", "phoneNumber"), text(n, "email"),
                text(n, "address", "addressLine", "addressLine1").orElse(""),
                text(n, "districtName", "district").orElse(""),
                text(n, "stateName", "state").orElse(""),
                text(n, "pinCode", "pincode", "pinode").orElse(""),
                text(n, "status", "abhaStatus").orElse(""),
                kycVerified(n), photo(n));
    }

    /** Accounts of a login answer: {@code accounts[]} (profile family) or {@code users[]} (PHR). */
    List<AccountSummary> accounts(JsonNode n) {
        List<AccountSummary> result = new ArrayList<>();
        for (JsonNode a : first(n, "accounts", "users")) {
            result.add(new AccountSummary(abhaNumber(a),
                    address(text(a, "preferredAbhaAddress", "abhaAddress", "healthId")),
                    text(a, "name", "fullName").orElse(""),
                    Gender.fromCode(text(a, "gender").orElse(null)),
                    text(a, "dob", "dateOfBirth").orElseGet(() -> birthDate(a).map(PartialDate::toString).orElse("")),
                    text(a, "status").orElse("")));
        }
        return List.copyOf(result);
    }

    List<String> suggestions(JsonNode n) {
        List<String> result = new ArrayList<>();
        for (JsonNode s : first(n, "abhaAddressList", "abhaAddresses", "suggestions")) {
            String v = s.asText("").strip();
            if (!v.isEmpty()) {
                result.add(v);
            }
        }
        return List.copyOf(result);
    }

    CreatedAddress createdAddress(JsonNode n, String previousTxn, String username, String call)
            throws AbdmException {
        Optional<AbhaNumber> number = abhaNumber(n);
        if (number.isEmpty()) {
            throw AbdmException.unexpected(200, call + " -> answer without healthIdNumber");
        }
        AbhaAddress preferred = address(text(n, "preferredAbhaAddress", "abhaAddress"))
                .orElseGet(() -> new AbhaAddress(username, cmId));
        return new CreatedAddress(txnId(n, previousTxn, call), number.get(), preferred);
    }

    DocumentEnrolment documentEnrolment(JsonNode n, String previousTxn, String call) throws AbdmException {
        JsonNode p = first(n, "enrolProfile", "EnrolProfile", "ABHAProfile", "abhaProfile");
        JsonNode profile = p.isMissingNode() ? n : p;
        String enrolmentNumber = text(profile, "enrolmentNumber", "enrollmentNumber")
                .or(() -> text(n, "enrolmentNumber", "enrollmentNumber"))
                .orElseThrow(() -> AbdmException.unexpected(200, call + " -> answer without enrolmentNumber"));
        String state = text(profile, "enrolmentState", "enrollmentState").orElse("PROVISIONAL");
        String name = text(profile, "name", "fullName").orElseGet(() -> joinNames(text(profile, "firstName").orElse(""),
                text(profile, "middleName").orElse(""), text(profile, "lastName").orElse("")));
        return new DocumentEnrolment(txnId(n, previousTxn, call), enrolmentNumber, state, name, addresses(profile));
    }

    /** Guesses the type from the first bytes when ABDM did not say (or said octet-stream). */
    static Document document(String contentType, byte[] bytes) {
        String type = contentType == null ? "" : contentType.strip();
        if (type.isEmpty() || type.toLowerCase(Locale.ROOT).startsWith("application/octet-stream")) {
            type = sniff(bytes);
        }
        return new Document(type, bytes);
    }

    private static String sniff(byte[] b) {
        if (startsWith(b, 0x25, 0x50, 0x44, 0x46)) {
            return "application/pdf";
        }
        if (startsWith(b, 0x89, 0x50, 0x4E, 0x47)) {
            return "image/png";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        String head = new String(b, 0, Math.min(b.length, 256), java.nio.charset.StandardCharsets.US_ASCII);
        if (head.contains("<svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static Optional<PartialDate> birthDate(JsonNode n) {
        Optional<String> dob = text(n, "dob", "dateOfBirth", "birthDate");
        if (dob.isPresent()) {
            Optional<PartialDate> parsed = parseDate(dob.get());
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return parts(number(n, "yearOfBirth"), number(n, "monthOfBirth"), number(n, "dayOfBirth"));
    }

    static Optional<PartialDate> parseDate(String s) {
        String v = s.strip();
        Matcher m = DAY_FIRST.matcher(v);
        if (m.matches()) {
            return parts(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        }
        m = YEAR_FIRST.matcher(v);
        if (m.matches()) {
            return parts(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        if (YEAR.matcher(v).matches()) {
            return parts(Integer.parseInt(v), 0, 0);
        }
        return Optional.empty();
    }

    /** 0 means "not known" (ABDM writes {@code 00}); an impossible day or month is dropped, not guessed. */
    private static Optional<PartialDate> parts(int year, int month, int day) {
        if (year == 0) {
            return Optional.empty();
        }
        Optional<Integer> mo = month >= 1 && month <= 12 ? Optional.of(month) : Optional.empty();
        Optional<Integer> d = mo.isPresent() && day >= 1 ? Optional.of(day) : Optional.empty();
        try {
            return Optional.of(new PartialDate(year, mo, d));
        } catch (RuntimeException e) {
            try {
                return Optional.of(new PartialDate(year, mo, Optional.empty()));
            } catch (RuntimeException again) {
                return Optional.empty();
            }
        }
    }

    private static int number(JsonNode n, String key) {
        JsonNode v = n.path(key);
        if (v.isNumber()) {
            return v.asInt();
        }
        String s = v.asText("").strip();
        return s.matches("\\d{1,4}") ? Integer.parseInt(s) : 0;
    }

    private static Optional<AbhaNumber> abhaNumber(JsonNode n) {
        return text(n, "ABHANumber", "abhaNumber", "healthIdNumber")
                .filter(s -> AbhaNumber.check(s).acceptable())
                .map(AbhaNumber::of);
    }

    private List<AbhaAddress> addresses(JsonNode n) {
        Set<AbhaAddress> result = new LinkedHashSet<>();
        JsonNode list = first(n, "phrAddress", "abhaAddresses");
        if (list.isArray()) {
            for (JsonNode a : list) {
                address(Optional.of(a.asText(""))).ifPresent(result::add);
            }
        } else {
            address(text(n, "phrAddress")).ifPresent(result::add);
        }
        return List.copyOf(result);
    }

    private Optional<AbhaAddress> address(Optional<String> text) {
        return text.map(String::strip).filter(s -> !s.isEmpty()).flatMap(s -> {
            try {
                return Optional.of(AbhaAddress.parse(s, cmId));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private static boolean kycVerified(JsonNode n) {
        JsonNode v = n.path("kycVerified");
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual()) {
            return v.asText().equalsIgnoreCase("true");
        }
        return text(n, "kycStatus").map(s -> s.equalsIgnoreCase("VERIFIED")).orElse(false);
    }

    private static Optional<byte[]> photo(JsonNode n) {
        return text(n, "profilePhoto", "photo", "kycPhoto").flatMap(s -> {
            String b64 = s.startsWith("data:") && s.contains(",") ? s.substring(s.indexOf(',') + 1) : s;
            try {
                byte[] bytes = Base64.getMimeDecoder().decode(b64);
                return bytes.length == 0 ? Optional.empty() : Optional.of(bytes);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private static String joinNames(String... parts) {
        return String.join(" ", java.util.Arrays.stream(parts).filter(p -> !p.isBlank()).toList());
    }

    /** The first of {@code keys} present (not missing, not null) in {@code n}, else a missing node. */
    private static JsonNode first(JsonNode n, String... keys) {
        for (String k : keys) {
            JsonNode v = n.path(k);
            if (!v.isMissingNode() && !v.isNull()) {
                return v;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The first non-blank text among {@code keys}. */
    private static Optional<String> text(JsonNode n, String... keys) {
        for (String k : keys) {
            JsonNode v = n.path(k);
            if (v.isValueNode() && !v.isNull()) {
                String s = v.asText().strip();
                if (!s.isEmpty() && !s.equalsIgnoreCase("null")) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }
}
