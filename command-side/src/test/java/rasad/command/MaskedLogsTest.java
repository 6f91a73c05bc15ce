package rasad.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Given the command side as it runs, with the logging configuration the web edge brings, when a line and a stack
 * trace carry a national id and a mobile number, then the log shows neither, and keeps everything else.
 */
@ExtendWith(OutputCaptureExtension.class)
class MaskedLogsTest extends CommandApiTest {

    @Test
    void national_ids_and_mobile_numbers_are_masked_in_messages_and_stack_traces(CapturedOutput output) {
        LoggerFactory.getLogger(MaskedLogsTest.class)
                .warn(
                        "beneficiary {} called from {} about 3000000000 rials",
                        "0499370899",
                        "09121234567",
                        new IllegalStateException("E11000 duplicate key: { nationalId: \"0013542419\" }"));

        assertThat(output.getOut())
                .contains("beneficiary *******899 called from 09*******67 about 3000000000 rials")
                .contains("duplicate key: { nationalId: \"*******419\" }")
                .doesNotContain("0499370899")
                .doesNotContain("09121234567")
                .doesNotContain("0013542419");
    }
}
