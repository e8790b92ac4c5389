package org.abdmdesk.engine.abha;

import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;

public record CreatedAddress(String txnId, AbhaNumber abhaNumber, AbhaAddress preferredAddress) {
}
