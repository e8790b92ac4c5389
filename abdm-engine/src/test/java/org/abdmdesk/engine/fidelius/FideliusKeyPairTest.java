package org.abdmdesk.engine.fidelius;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class FideliusKeyPairTest {
    @RepeatedTest(20)
    void generatedPairsRoundTripInBothKeyForms() throws Exception {
        FideliusKeyPair hip = FideliusKeyPair.generate();
        FideliusKeyPair hiu = FideliusKeyPair.generate();
        String bundle = "{\"resourceType\":\"Bundle\",\"note\":\"दवा दिन में दो बार\"}";

        String raw = Fidelius.encrypt(bundle, hip.privateKey(), hip.nonce(), hiu.publicKey(), hiu.nonce());
        String x509 = Fidelius.encrypt(bundle, hip.privateKey(), hip.nonce(), hiu.x509PublicKey(), hiu.nonce());

        assertThat(x509).isEqualTo(raw);
        assertThat(Fidelius.decryptToString(raw, hiu.privateKey(), hiu.nonce(), hip.publicKey(), hip.nonce()))
                .isEqualTo(bundle);
        assertThat(Fidelius.decryptToString(raw, hiu.privateKey(), hiu.nonce(), hip.x509PublicKey(), hip.nonce()))
                .isEqualTo(bundle);
        assertThat(Base64.getDecoder().decode(raw)).hasSize(bundle.getBytes(StandardCharsets.UTF_8).length + 16);
    }

    @RepeatedTest(20)
    void encodingsHaveTheReferenceShapes() throws Exception {
        FideliusKeyPair pair = FideliusKeyPair.generate();

        assertThat(pair.privateKey()).hasSize(44);
        assertThat(Base64.getDecoder().decode(pair.privateKey()).length).isBetween(1, 32);
        assertThat(Base64.getDecoder().decode(pair.publicKey())).hasSize(65).startsWith(0x04);
        assertThat(Base64.getDecoder().decode(pair.x509PublicKey())).hasSize(309);
        assertThat(pair.x509PublicKey()).startsWith("MIIBMTCB6gYHKoZIzj0CATCB3gIBATAr");
        assertThat(Base64.getDecoder().decode(pair.nonce())).hasSize(32);
        assertThat(FideliusKeys.publicKey(pair.x509PublicKey())).isEqualTo(FideliusKeys.publicKey(pair.publicKey()));
        assertThat(Curve.G.multiply(FideliusKeys.privateKey(pair.privateKey())).normalize())
                .isEqualTo(FideliusKeys.publicKey(pair.publicKey()));
    }

    @Test
    void toStringHidesThePrivateKey() {
        FideliusKeyPair pair = FideliusKeyPair.generate();

        assertThat(pair.toString()).doesNotContain(pair.privateKey()).doesNotContain(pair.nonce());
    }
}
