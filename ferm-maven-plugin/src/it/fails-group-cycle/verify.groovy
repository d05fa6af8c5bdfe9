// Groups that list each other in a circle are refused, with the circle.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:4:11: groups refer to each other in a circle: office -> staff -> office. Let one of them list networks instead of the other group.''')
true
