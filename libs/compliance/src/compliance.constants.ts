/** The Wmo listening ear (art. 2.2.4 lid 1 onder b Wmo 2015): the duty the overview and the report default to. */
export const WMO_DUTY = 'WMO2015_2_2_4_1B';
