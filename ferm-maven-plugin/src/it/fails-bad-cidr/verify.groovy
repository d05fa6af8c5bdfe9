// A prefix length over 32 is not an IPv4 CIDR.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:6:12: prefix length '33' of '10.0.0.1/33' is more than 32, the size of an IPv4 address. Write a prefix length from 0 to 32 after the '/'.''')
true
