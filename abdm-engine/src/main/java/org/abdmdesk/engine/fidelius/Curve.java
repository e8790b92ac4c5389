package org.abdmdesk.engine.fidelius;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/** BouncyCastle's short-Weierstrass "curve25519", the curve Fidelius uses (not X25519). */
final class Curve {
    static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName("curve25519");
    static final ECCurve CURVE = PARAMETERS.getCurve();
    static final ECPoint G = PARAMETERS.getG();
    static final BigInteger N = PARAMETERS.getN();
    /** Bytes of one field element (a coordinate). */
    static final int FIELD_BYTES = (CURVE.getFieldSize() + 7) / 8;

    private Curve() {
    }
}
