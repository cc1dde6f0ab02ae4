package io.balance.supervision.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** {@code balance.supervision.*}: every default of the service, in one place. */
@ConfigMapping(prefix = "balance.supervision")
public interface SupervisionConfig {
    Ledger ledger();

    Evidence evidence();

    Departments departments();

    Calendar calendar();

    interface Ledger {
        /** The rule set whose evaluations fill the ledger of a county without a plan. */
        @WithDefault("QUALITY_2017")
        String defaultRuleSet();

        /** Largest page of {@code GET …/problems}. */
        @WithDefault("500")
        int maxPageSize();
    }

    interface Evidence {
        /** Largest evidence file, in bytes (20 MiB). */
        @WithDefault("20971520")
        long maxBytes();

        /** Types accepted, as detected from the content: PDF, images, XLSX, DOCX. */
        @WithDefault("application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        List<String> types();
    }

    interface Departments {
        /** The usual 责任单位 a county's catalogue starts with (code:name). */
        @WithDefault("EDU:教育局,FIN:财政局,DRC:发展和改革局,HRSS:人力资源和社会保障局,SCOPSR:机构编制委员会办公室,NR:自然资源局,HUD:住房和城乡建设局,PS:公安局,HEALTH:卫生健康委员会,TOWNSHIP:乡镇人民政府")
        List<String> seed();
    }

    /** 工作日: China's public holidays and adjusted working days (调休), for the objection window. */
    interface Calendar {
        /** Classpath CSV {@code date,kind,holiday,source} (kind OFF or WORK), its sources named in its header. */
        @WithDefault("calendar/cn-public-holidays.csv")
        String resource();

        /** Further days off (e.g. a new year's notice before the file has it); they win over the file. */
        Optional<List<LocalDate>> holidays();

        /** Further working days (调休上班 on a Saturday or Sunday); they win over the file. */
        Optional<List<LocalDate>> workdays();
    }
}
