package cn.qingfeng.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void pathsAndControlCharactersAreStrippedFromNames() {
        assertThat(ContentDisposition.sanitize("C:\\Users\\x\\..\\报告.pdf")).isEqualTo("报告.pdf");
        assertThat(ContentDisposition.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(ContentDisposition.sanitize("a\r\nb\".pdf")).isEqualTo("ab.pdf");
        assertThat(ContentDisposition.sanitize("   ")).isEqualTo("file");
        assertThat(ContentDisposition.sanitize("x".repeat(300) + ".docx")).hasSize(255).endsWith(".docx");
    }

    @Test
    void uploadedNamesWithPathsControlsOrDirectionOverridesAreRefusedNotRepaired() {
        for (String bad : new String[] {"../../etc/passwd", "C:\\fakepath\\报告.pdf", "a\r\nb.pdf", "a\u0000.pdf",
                "invoice\u202Efdp.pdf", "\ud800.pdf", "   ", "", "..", "x".repeat(256)}) {
            assertThat(ContentDisposition.problem(bad)).as(bad).isPresent();
        }
        for (String good : new String[] {"整改报告（2023年上半年）.pdf", "a \"quoted\" name.docx", "x".repeat(255), "报告 😀.png"}) {
            assertThat(ContentDisposition.problem(good)).as(good).isEmpty();
        }
    }

    @Test
    void headerHasAnAsciiFallbackAndTheUtf8Name() {
        assertThat(ContentDisposition.attachment("整改 报告;1.pdf"))
                .isEqualTo("attachment; filename=\"__ ___1.pdf\"; filename*=UTF-8''%E6%95%B4%E6%94%B9%20%E6%8A%A5%E5%91%8A%3B1.pdf");
    }
}
