package org.abdmdesk.engine.sim;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.abdmdesk.engine.identity.Luhn;

/**
 * Everything the simulator remembers, in memory: residents (UIDAI), ABHA accounts, transactions,
 * gateway sessions, user tokens and each client's bridge URL. One lock guards it all: endpoints run
 * their whole step inside {@link #locked}, so concurrent requests see each step happen at once or not
 * at all.
 */
final class SimState {
    static final String SUFFIX = "@sbx";
    static final Duration SESSION_LIFETIME = Duration.ofSeconds(1200);
    static final Duration SESSION_REFRESH_LIFETIME = Duration.ofSeconds(1800);
    static final Duration X_TOKEN_LIFETIME = Duration.ofSeconds(1800);
    static final Duration T_TOKEN_LIFETIME = Duration.ofSeconds(300);
    static final Duration REFRESH_LIFETIME = Duration.ofSeconds(1296000);

    private final ReentrantLock lock = new ReentrantLock();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Resident> residents = new HashMap<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Txn> txns = new HashMap<>();
    private final Map<String, Txn> byLoginKey = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, URI> bridges = new HashMap<>();
    private final Map<String, Grant> grants = new HashMap<>();

    SimState(List<Resident> seedResidents, List<Account> seedAccounts) {
        seedResidents.forEach(r -> residents.put(r.aadhaar(), r));
        seedAccounts.forEach(a -> accounts.put(a.abhaNumber(), a));
    }

    /** Runs one whole step of an endpoint under the lock. */
    <T> T locked(Supplier<T> step) {
        lock.lock();
        try {
            return step.get();
        } finally {
            lock.unlock();
        }
    }

    private void requireLock() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("SimState used outside locked(...)");
        }
    }

    // ---- residents and accounts ----

    Optional<Resident> resident(String aadhaar) {
        requireLock();
        return Optional.ofNullable(residents.get(aadhaar));
    }

    Optional<Account> account(String abhaDigits) {
        requireLock();
        return Optional.ofNullable(accounts.get(abhaDigits));
    }

    Optional<Account> accountForAadhaar(String aadhaar) {
        requireLock();
        return accounts.values().stream().filter(a -> aadhaar.equals(a.aadhaar())).findFirst();
    }

    Optional<Account> accountByAddress(String fullAddress) {
        requireLock();
        return accounts.values().stream().filter(a -> a.addresses().contains(fullAddress)).findFirst();
    }

    List<Account> accountsOnMobile(String mobile) {
        requireLock();
        return accounts.values().stream().filter(a -> mobile.equals(a.mobile())).toList();
    }

    boolean usernameTaken(String username) {
        requireLock();
        return accountByAddress(username + SUFFIX).isPresent();
    }

    void save(Account account) {
        requireLock();
        accounts.put(account.abhaNumber(), account);
    }

    /** A fresh, unused ABHA number: 91 + 11 random digits + a Luhn check digit. */
    String mintAbhaNumber() {
        requireLock();
        while (true) {
            StringBuilder sb = new StringBuilder("91");
            for (int i = 0; i < 11; i++) {
                sb.append(random.nextInt(10));
            }
            String digits = sb.toString() + Luhn.checkDigit(sb.toString());
            if (!accounts.containsKey(digits) && accountByAddress(digits + SUFFIX).isEmpty()) {
                return digits;
            }
        }
    }

    // ---- transactions ----

    Txn newTxn(Txn.Flow flow, String loginKey, Instant now) {
        requireLock();
        Txn txn = new Txn(UUID.randomUUID().toString(), flow, loginKey, now);
        txns.put(txn.id, txn);
        if (loginKey != null) {
            byLoginKey.put(loginKey, txn);
        }
        return txn;
    }

    /** The transaction, or ABDM-1006 "Transaction is not found". */
    Txn txn(String txnId) {
        requireLock();
        Txn txn = txnId == null ? null : txns.get(txnId);
        if (txn == null) {
            throw AbdmErrors.transactionNotFound();
        }
        return txn;
    }

    /** A still-live OTP transaction for the same identifier: a repeated request/otp resends on it. */
    Optional<Txn> liveTxnFor(String loginKey, String purpose, Instant now) {
        requireLock();
        Txn txn = byLoginKey.get(loginKey);
        return txn != null && txn.challenge != null && txn.challenge.purpose.equals(purpose) && txn.challenge.live(now)
                ? Optional.of(txn) : Optional.empty();
    }

    // ---- gateway sessions ----

    private record Session(String clientId, Instant expiry) {
    }

    String newSession(String clientId, Instant now) {
        requireLock();
        String token = newToken();
        sessions.put(token, new Session(clientId, now.plus(SESSION_LIFETIME)));
        return token;
    }

    /** The client id of a live session token. */
    Optional<String> sessionClient(String token, Instant now) {
        requireLock();
        Session session = sessions.get(token);
        return session != null && now.isBefore(session.expiry()) ? Optional.of(session.clientId()) : Optional.empty();
    }

    boolean sessionValid(String token, Instant now) {
        return sessionClient(token, now).isPresent();
    }

    // ---- bridges (HIE-CM) ----

    void registerBridge(String clientId, URI url) {
        requireLock();
        bridges.put(clientId, url);
    }

    Optional<URI> bridge(String clientId) {
        requireLock();
        return Optional.ofNullable(bridges.get(clientId));
    }

    // ---- user tokens ----

    String grant(Grant.Kind kind, String abhaNumber, String phrAddress, String txnId, Instant now) {
        requireLock();
        String token = newToken();
        Duration lifetime = kind == Grant.Kind.TRANSFER ? T_TOKEN_LIFETIME : X_TOKEN_LIFETIME;
        grants.put(token, new Grant(kind, abhaNumber, phrAddress, txnId, now.plus(lifetime)));
        return token;
    }

    Optional<Grant> grantFor(String token, Instant now) {
        requireLock();
        Grant g = grants.get(token);
        return g != null && g.validAt(now) ? Optional.of(g) : Optional.empty();
    }

    /** An opaque, unguessable token (URL-safe Base64 of 32 random bytes). */
    String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    List<Account> allAccounts() {
        requireLock();
        return new ArrayList<>(accounts.values());
    }
}
