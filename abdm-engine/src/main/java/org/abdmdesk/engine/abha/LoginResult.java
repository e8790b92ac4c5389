package org.abdmdesk.engine.abha;

import java.util.List;
import java.util.Optional;

/**
 * After a verified login OTP. Either {@code token} is present (ABHA number, ABHA address, Aadhaar)
 * or {@code transferToken} is, with the accounts on the mobile to choose from (mobile login).
 */
public record LoginResult(String txnId, List<AccountSummary> accounts, Optional<UserToken> token,
        Optional<String> transferToken) {

    public boolean needsAccountChoice() {
        return token.isEmpty();
    }

    @Override
    public String toString() {
        return "LoginResult[" + accounts.size() + " account(s), choice needed: " + needsAccountChoice() + "]";
    }
}
