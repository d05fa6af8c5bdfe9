// An IPv4 address with an octet over 255 is refused.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:6:12: octet '300' of '300.1.1.1' is more than 255. Write each octet as a number from 0 to 255.''')
true
