// One host port published to two different container ports is refused at the second.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:7:13: host port 8443/tcp is already published to container port 443/tcp, not 80. Publish each host port to one container port.''')
true
