package cn.ganxun.eligibility;

import java.util.List;

/** An answer to an eligibility question, with every reason (Chinese, naming the rule). */
public record Eligibility(boolean eligible, List<String> reasons) {
}
