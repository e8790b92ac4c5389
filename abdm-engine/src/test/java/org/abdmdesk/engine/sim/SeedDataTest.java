package org.abdmdesk.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.abdmdesk.engine.identity.AadhaarNumber;
import org.abdmdesk.engine.identity.AbhaAddress;
import org.abdmdesk.engine.identity.AbhaNumber;
import org.abdmdesk.engine.identity.Check;
import org.abdmdesk.engine.identity.MobileNumber;
import org.junit.jupiter.api.Test;

class SeedDataTest {

    @Test
    void aadhaarNumbersAreValidAndStartWithTwoToNine() {
        for (Resident r : SeedData.residents()) {
            assertThat(AadhaarNumber.check(r.aadhaar())).as(r.person().name()).isEqualTo(Check.ok());
            assertThat(MobileNumber.check(r.aadhaarMobile())).isEqualTo(Check.ok());
        }
        assertThat(SeedData.residents()).extracting(Resident::aadhaar).doesNotHaveDuplicates();
    }

    @Test
    void abhaNumbersAreLuhnValidAndStartWith91() {
        for (Account a : SeedData.accounts()) {
            assertThat(a.abhaNumber()).startsWith("91").hasSize(14);
            assertThat(AbhaNumber.check(a.hyphenated())).isEqualTo(Check.ok());
            assertThat(a.preferredAddress()).endsWith("@sbx");
            assertThat(MobileNumber.check(a.mobile())).isEqualTo(Check.ok());
        }
        for (String n : new String[] {SeedData.ABHA_EXISTING, SeedData.ABHA_FAMILY_AARAV, SeedData.ABHA_FAMILY_RAMESH,
            SeedData.ABHA_FAMILY_SUNITA}) {
            assertThat(n).matches("91-\\d{4}-\\d{4}-\\d{4}");
        }
        assertThat(AbhaAddress.checkNewUsername(SeedData.TAKEN_ADDRESS)).isEqualTo(Check.ok());
    }

    @Test
    void scenarioMobilesAreValidAndDistinctWhereTheyMustBe() {
        for (String m : new String[] {SeedData.AADHAAR_NEW_MOBILE, SeedData.AADHAAR_NEW_2_MOBILE, SeedData.OTHER_MOBILE,
            SeedData.AADHAAR_WITH_ABHA_MOBILE, SeedData.ABHA_EXISTING_MOBILE, SeedData.MOBILE_FAMILY,
            SeedData.MOBILE_NO_ABHA}) {
            assertThat(MobileNumber.check(m)).as(m).isEqualTo(Check.ok());
        }
        assertThat(SeedData.OTHER_MOBILE).isNotEqualTo(SeedData.AADHAAR_NEW_2_MOBILE);
        assertThat(SeedData.ABHA_EXISTING_MOBILE).isNotEqualTo(SeedData.AADHAAR_WITH_ABHA_MOBILE);
        assertThat(SeedData.accounts()).filteredOn(a -> a.mobile().equals(SeedData.MOBILE_FAMILY)).hasSize(3);
        assertThat(SeedData.accounts()).noneMatch(a -> a.mobile().equals(SeedData.MOBILE_NO_ABHA));
    }

    @Test
    void everyEnglishSentenceHasAHindiOne() {
        ResourceBundle en = ResourceBundle.getBundle(SimText.BUNDLE, Locale.ROOT);
        ResourceBundle hi = ResourceBundle.getBundle(SimText.BUNDLE, Locale.forLanguageTag("hi"));
        for (String key : en.keySet()) {
            assertThat(hi.getString(key)).as(key).isNotEqualTo(en.getString(key));
        }
        assertThat(SeedData.DEMO_RESIDENTS).allSatisfy(d -> {
            assertThat(d.scenario(Locale.ENGLISH)).isNotBlank();
            assertThat(d.scenario(Locale.forLanguageTag("hi"))).isNotEqualTo(d.scenario(Locale.ENGLISH));
        });
    }
}
