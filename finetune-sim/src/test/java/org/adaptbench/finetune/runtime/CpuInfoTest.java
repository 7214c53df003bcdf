package org.adaptbench.finetune.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuInfoTest {

    private static final List<String> LISTING = List.of(
            "processor\t: 0",
            "vendor_id\t: GenuineIntel",
            "model name\t: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz",
            "flags\t\t: fpu vme sse4_2 avx fma avx2 avx512f avx512dq avx512bw avx512vl avx512_vnni hypervisor",
            "",
            "processor\t: 1",
            "vendor_id\t: SomeoneElse",
            "model name\t: not the first",
            "flags\t\t: fpu");

    @Test
    void readsTheFirstProcessorsVendorModelAndIsaFlagsInAFixedOrder() {
        CpuInfo cpu = CpuInfo.parse(LISTING);
        assertEquals("GenuineIntel", cpu.vendor());
        assertEquals("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", cpu.model());
        assertEquals(List.of("sse4_2", "avx", "fma", "avx2", "avx512f", "avx512dq", "avx512bw", "avx512vl", "avx512_vnni"), cpu.isaFlags());
    }

    @Test
    void derivesAtensCapabilityByItsDispatchRule() {
        assertEquals("AVX512", CpuInfo.parse(LISTING).defaultAtenCapability());
        assertEquals("AVX2", new CpuInfo("v", "m", List.of("avx", "fma", "avx2", "avx512f")).defaultAtenCapability());
        assertEquals("DEFAULT", new CpuInfo("v", "m", List.of("avx", "avx2")).defaultAtenCapability());
    }

    @Test
    void aListingWithoutTheFieldsIsUnknown() {
        CpuInfo cpu = CpuInfo.parse(List.of("processor : 0", "BogoMIPS : 50.00"));
        assertEquals("unknown", cpu.vendor());
        assertEquals(List.of(), cpu.isaFlags());
    }
}
