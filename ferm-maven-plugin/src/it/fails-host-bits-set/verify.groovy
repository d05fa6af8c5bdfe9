// A CIDR with host bits set says what was probably meant.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:6:12: host bits are set in '10.0.0.1/8' (did you mean 10.0.0.0/8?). Write 10.0.0.0/8 for the whole network, or 10.0.0.1/32 for that one address.''')
true
