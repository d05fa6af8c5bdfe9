// A failed build leaves no bundle, not even the one an earlier good build wrote.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
assert its.buildLog(basedir).contains('[INFO] shop: 2 rules open '), 'the first build should have written a bundle'
its.assertFailsWith(basedir, '''broken.yaml:5:13: container port 8080/tcp is not exposed by the Dockerfile (stage 0). It exposes 53/udp, 80/tcp, 443/tcp.''')
true
