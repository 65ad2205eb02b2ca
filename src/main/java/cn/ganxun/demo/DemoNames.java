package cn.ganxun.demo;

import java.util.Random;

/** Plausible Chinese personal names: a common surname and one or two given-name characters. */
final class DemoNames {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁建国峰浩亮志东海成林俊文博宇凯晨阳";
    private static final String FEMALE = "芳娜敏静丽艳娟霞燕玲婷雪琳慧颖洁倩红梅丹萍莉云晶琴蕾佳欣怡悦岚瑶";
    private static final String MIDDLE = "建晓志文海永德春立小国庆雅思";

    private DemoNames() {
    }

    static String next(Random random, boolean male) {
        String given = male ? MALE : FEMALE;
        StringBuilder name = new StringBuilder().append(pick(random, SURNAMES));
        if (random.nextInt(3) > 0) {
            name.append(pick(random, MIDDLE));
        }
        return name.append(pick(random, given)).toString();
    }

    private static char pick(Random random, String characters) {
        return characters.charAt(random.nextInt(characters.length()));
    }
}
