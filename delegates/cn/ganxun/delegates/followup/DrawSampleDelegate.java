package cn.ganxun.delegates.followup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.delegates.ActingUser;
import cn.ganxun.followup.FollowUpService;
import cn.ganxun.followup.SampleDrawService;

/** 随机抽取走访学员 (R27): the first draw, by the system, stored with its seed and population. */
@Component
class DrawSampleDelegate implements JavaDelegate {

    private final SampleDrawService samples;
    private final FollowUpService followUps;

    DrawSampleDelegate(SampleDrawService samples, FollowUpService followUps) {
        this.samples = samples;
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        samples.draw(followUps.ofProcess(execution.getProcessInstanceId()).id(), ActingUser.SYSTEM);
    }
}
