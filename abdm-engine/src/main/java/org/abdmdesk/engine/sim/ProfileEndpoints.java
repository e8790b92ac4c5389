package org.abdmdesk.engine.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.abdmdesk.engine.qr.QrCodes;

/** The ABHA-number family's profile, card and QR, {@code /v3/profile/account...} (X-token). */
final class ProfileEndpoints {
    private final EndpointSupport support;
    private final ObjectMapper json;

    ProfileEndpoints(EndpointSupport support, ObjectMapper json) {
        this.support = support;
        this.json = json;
    }

    SimResponse account(SimRequest request) {
        return SimResponse.ok(ProfileJson.account(holder(request)));
    }

    SimResponse card(SimRequest request) {
        Account a = holder(request);
        return SimResponse.png(CardRenderer.png(a, a.preferredAddress(), QrPayload.text(json, QrPayload.card(a))));
    }

    SimResponse qrCode(SimRequest request) {
        return SimResponse.png(QrCodes.renderPng(QrPayload.text(json, QrPayload.card(holder(request))), 400));
    }

    private Account holder(SimRequest request) {
        Grant g = support.xToken(request, Grant.Kind.PROFILE);
        return support.state.locked(() -> support.state.account(g.abhaNumber())).orElseThrow(AbdmErrors::userNotFound);
    }
}
