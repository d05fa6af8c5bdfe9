// Port 65536 is outside 1-65535.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:5:13: port 65536 is outside 1-65535. Use a port from 1 to 65535.''')
true
